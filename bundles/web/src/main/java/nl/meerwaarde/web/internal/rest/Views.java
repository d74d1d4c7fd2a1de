package nl.meerwaarde.web.internal.rest;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;

/** The JSON shapes of the REST API: only what a screen needs, and no personal data beyond it. */
public final class Views {
    private Views() {}

    /**
     * The caller.
     *
     * @param kind {@code worker} or {@code resident}
     * @param workerId the worker's host id; absent for a resident
     * @param name the worker's name; absent for a resident
     */
    public record Me(
            String kind, Optional<String> workerId, Optional<String> name, List<Role> roles, List<TeamView> teams) {
        static Me of(Subject subject, TeamNames teamNames) {
            if (subject instanceof Subject.WorkerSubject worker) {
                List<Role> roles = worker.worker().roles().stream().sorted().toList();
                List<TeamView> teams = worker.teams().stream()
                        .map(team -> new TeamView(team.value(), teamNames.name(team)))
                        .sorted(Comparator.comparing(TeamView::id))
                        .toList();
                return new Me(
                        "worker",
                        Optional.of(worker.worker().id().value()),
                        Optional.of(worker.worker().name()),
                        roles,
                        teams);
            }
            return new Me("resident", Optional.empty(), Optional.empty(), List.of(), List.of());
        }
    }

    public record TeamView(String id, Optional<String> name) {}

    /** One page of a longer list. */
    public record PageView<T>(int offset, int limit, long total, List<T> items) {
        static <T> PageView<T> empty(Paging paging) {
            return new PageView<>(paging.offset(), paging.limit(), 0, List.of());
        }
    }

    /** A signal as listed: no question text, no resident. */
    public record SignalView(
            String id,
            String team,
            LocalDate registeredOn,
            String type,
            List<String> targetGroups,
            Optional<String> referrer,
            boolean answered,
            Optional<String> activity) {
        static SignalView of(Signal signal) {
            return new SignalView(
                    signal.id().toString(),
                    signal.team().value(),
                    signal.registeredOn(),
                    signal.type(),
                    sorted(signal.targetGroups()),
                    Optional.ofNullable(signal.referrer()),
                    signal.answered(),
                    signal.activity().map(Object::toString));
        }
    }

    /** A collective activity as listed, its stage both as code and in the user's language. */
    public record ActivityView(
            String id,
            String team,
            String title,
            String stage,
            String stageTitle,
            List<String> targetGroups,
            Optional<String> funder,
            Optional<LocalDate> startsOn) {
        static ActivityView of(CollectiveActivity activity, Messages messages) {
            return new ActivityView(
                    activity.id().toString(),
                    activity.team().value(),
                    activity.title(),
                    activity.stage().name(),
                    messages.get("stage." + activity.stage().name()),
                    sorted(activity.targetGroups()),
                    activity.funder().map(Object::toString),
                    activity.startsOn());
        }
    }

    /** A menu entry. */
    public record ScreenView(String id, String title, String path, String icon, int order) {}

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
