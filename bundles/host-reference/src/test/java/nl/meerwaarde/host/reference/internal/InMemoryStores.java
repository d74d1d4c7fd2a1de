package nl.meerwaarde.host.reference.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.host.spi.TeamId;

/** Simple in-test stores with the contracts of the API: upsert by id, participations need their activity. */
final class InMemoryStores {
    private InMemoryStores() {}

    static final class Signals implements SignalStore {
        final Map<SignalId, Signal> saved = new LinkedHashMap<>();
        int saves;

        @Override
        public void save(Signal signal) {
            saves++;
            saved.put(signal.id(), signal);
        }

        @Override
        public Optional<Signal> find(SignalId id) {
            return Optional.ofNullable(saved.get(id));
        }

        @Override
        public List<Signal> list(Collection<TeamId> teams, int offset, int limit) {
            return saved.values().stream()
                    .filter(s -> teams.contains(s.team()))
                    .sorted(Comparator.comparing(Signal::registeredOn).reversed())
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        @Override
        public long count(Collection<TeamId> teams) {
            return saved.values().stream().filter(s -> teams.contains(s.team())).count();
        }

        @Override
        public List<Signal> ofActivity(ActivityId activity) {
            return saved.values().stream()
                    .filter(s -> s.activity().equals(Optional.of(activity)))
                    .sorted(Comparator.comparing(Signal::registeredOn).reversed())
                    .toList();
        }

        @Override
        public List<Signal> unclustered(Collection<TeamId> teams, int limit) {
            return saved.values().stream()
                    .filter(s -> teams.contains(s.team()) && s.activity().isEmpty())
                    .sorted(Comparator.comparing(Signal::registeredOn).reversed())
                    .limit(limit)
                    .toList();
        }
    }

    static final class Activities implements ActivityStore {
        final Map<ActivityId, CollectiveActivity> saved = new LinkedHashMap<>();
        final Map<UUID, Participation> participations = new LinkedHashMap<>();
        final List<StageChange> stageChanges = new ArrayList<>();
        int saves;

        @Override
        public void save(CollectiveActivity activity) {
            saves++;
            saved.put(activity.id(), activity);
        }

        @Override
        public Optional<CollectiveActivity> find(ActivityId id) {
            return Optional.ofNullable(saved.get(id));
        }

        @Override
        public List<CollectiveActivity> list(Collection<TeamId> teams, int offset, int limit) {
            return saved.values().stream()
                    .filter(a -> teams.contains(a.team()))
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        @Override
        public long count(Collection<TeamId> teams) {
            return saved.values().stream().filter(a -> teams.contains(a.team())).count();
        }

        @Override
        public List<CollectiveActivity> list(Collection<TeamId> teams, Set<Stage> stages, int offset, int limit) {
            return list(teams, 0, Integer.MAX_VALUE).stream()
                    .filter(a -> stages.isEmpty() || stages.contains(a.stage()))
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        @Override
        public Map<Stage, Long> countByStage(Collection<TeamId> teams) {
            return list(teams, 0, Integer.MAX_VALUE).stream()
                    .collect(java.util.stream.Collectors.groupingBy(
                            CollectiveActivity::stage, java.util.stream.Collectors.counting()));
        }

        @Override
        public void saveParticipation(Participation participation) {
            if (!saved.containsKey(participation.activity())) {
                throw new IllegalArgumentException("unknown activity " + participation.activity());
            }
            saves++;
            participations.put(participation.id(), participation);
        }

        @Override
        public void saveMeasurement(Participation participation, QuestionnaireResponse response) {
            saveParticipation(participation);
        }

        @Override
        public List<Participation> participations(ActivityId activity) {
            List<Participation> found = new ArrayList<>();
            for (Participation participation : participations.values()) {
                if (participation.activity().equals(activity)) {
                    found.add(participation);
                }
            }
            return found;
        }

        @Override
        public void changeStage(StageChange change) {
            CollectiveActivity activity = saved.get(change.activity());
            if (activity == null || activity.stage() != change.from()) {
                throw new IllegalStateException(
                        "activity " + change.activity() + " is missing or not in stage " + change.from());
            }
            saved.put(
                    activity.id(),
                    new CollectiveActivity(
                            activity.id(),
                            activity.team(),
                            activity.title(),
                            change.to(),
                            activity.targetGroups(),
                            activity.funder(),
                            activity.startsOn(),
                            activity.budget(),
                            activity.actual(),
                            activity.anonymous(),
                            activity.individualQuestionsAnswered(),
                            activity.referrerSatisfaction(),
                            activity.goals(),
                            Optional.empty(),
                            Optional.empty(),
                            Set.of(),
                            Optional.empty(),
                            Optional.empty()));
            stageChanges.add(change);
        }

        @Override
        public List<StageChange> stageChanges(ActivityId activity) {
            return stageChanges.stream()
                    .filter(change -> change.activity().equals(activity))
                    .toList();
        }
    }
}
