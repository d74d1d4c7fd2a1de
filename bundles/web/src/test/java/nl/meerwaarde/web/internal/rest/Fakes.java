package nl.meerwaarde.web.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.api.store.DefinitionStore;
import nl.meerwaarde.api.store.ResponseStore;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.forms.internal.JsonQuestionnaireParser;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Resident;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.FakeHttp;
import nl.meerwaarde.web.internal.Fixtures;

/** Small in-memory stand-ins for the store and host services, and the subjects of the authorisation matrix. */
public final class Fakes {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    /** Worker of team A (noord). */
    public static final Subject.WorkerSubject ANNA = Fixtures.worker("Anna", Set.of(Fixtures.NOORD), Role.WORKER);
    /** Worker of team B (zuid). */
    public static final Subject.WorkerSubject BRAM = Fixtures.worker("Bram", Set.of(Fixtures.ZUID), Role.WORKER);
    /** Manager of team A without the WORKER role. */
    public static final Subject.WorkerSubject MIRA = Fixtures.worker("Mira", Set.of(Fixtures.NOORD), Role.MANAGER);
    /** Administrator (and worker of team B). */
    public static final Subject.WorkerSubject JOOST =
            Fixtures.worker("Joost", Set.of(Fixtures.ZUID), Role.WORKER, Role.ADMINISTRATOR);

    public static final Subject.ResidentSubject RESIDENT = Fixtures.resident();

    public static final ResidentId MANOUK = new ResidentId("r-manouk");

    private Fakes() {}

    public static HttpServletRequest as(Subject subject) {
        FakeHttp.Request request = FakeHttp.get("/meerwaarde/api/v1/x");
        if (subject != null) {
            request.attribute(WebConstants.SUBJECT_ATTRIBUTE, subject);
        }
        return request.proxy();
    }

    public static HttpServletRequest as(Subject subject, String lang) {
        return FakeHttp.get("/meerwaarde/api/v1/x")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, subject)
                .query("lang=" + lang)
                .proxy();
    }

    public static final class Signals implements SignalStore {
        public final Map<SignalId, Signal> saved = new LinkedHashMap<>();
        public int saves;

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
            return saved.values().stream().filter(s -> teams.contains(s.team())).toList();
        }

        @Override
        public long count(Collection<TeamId> teams) {
            return list(teams, 0, Integer.MAX_VALUE).size();
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

    public static final class Activities implements ActivityStore {
        public final Map<ActivityId, CollectiveActivity> saved = new LinkedHashMap<>();
        public final List<Participation> participations = new ArrayList<>();
        public final List<StageChange> changes = new ArrayList<>();
        public int writes;
        /** When set, the next stage change finds the activity already moved by someone else. */
        public boolean concurrentMove;
        /** Where {@link #saveMeasurement} puts the response, as the real store writes both in one transaction. */
        private final Responses responses;

        public Activities() {
            this(new Responses());
        }

        public Activities(Responses responses) {
            this.responses = responses;
        }

        @Override
        public void saveMeasurement(Participation participation, QuestionnaireResponse response) {
            saveParticipation(participation);
            responses.save(response);
        }

        @Override
        public void save(CollectiveActivity activity) {
            writes++;
            saved.put(activity.id(), activity);
        }

        @Override
        public Optional<CollectiveActivity> find(ActivityId id) {
            return Optional.ofNullable(saved.get(id));
        }

        @Override
        public List<CollectiveActivity> list(Collection<TeamId> teams, int offset, int limit) {
            return saved.values().stream().filter(a -> teams.contains(a.team())).toList();
        }

        @Override
        public long count(Collection<TeamId> teams) {
            return list(teams, 0, Integer.MAX_VALUE).size();
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
            writes++;
            participations.removeIf(p -> p.id().equals(participation.id()));
            participations.add(participation);
        }

        @Override
        public List<Participation> participations(ActivityId activity) {
            return participations.stream()
                    .filter(p -> p.activity().equals(activity))
                    .toList();
        }

        @Override
        public void changeStage(StageChange change) {
            CollectiveActivity activity = saved.get(change.activity());
            if (concurrentMove || activity == null || activity.stage() != change.from()) {
                throw new IllegalStateException("not in stage " + change.from());
            }
            writes++;
            saved.put(activity.id(), withStage(activity, change.to()));
            changes.add(change);
        }

        @Override
        public List<StageChange> stageChanges(ActivityId activity) {
            return changes.stream().filter(c -> c.activity().equals(activity)).toList();
        }
    }

    public static CollectiveActivity withStage(CollectiveActivity a, nl.meerwaarde.api.Stage stage) {
        return new CollectiveActivity(
                a.id(),
                a.team(),
                a.title(),
                stage,
                a.targetGroups(),
                a.funder(),
                a.startsOn(),
                a.budget(),
                a.actual(),
                a.anonymous(),
                a.individualQuestionsAnswered(),
                a.referrerSatisfaction(),
                a.goals(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }

    public static CollectiveActivity activity(TeamId team, nl.meerwaarde.api.Stage stage) {
        return new CollectiveActivity(
                ActivityId.random(),
                team,
                "Moedergroep Emmen",
                stage,
                Set.of("jonge-moeders"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(new CollectiveActivity.SmartGoal("Netwerk vergroten", Optional.empty())),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }

    public static final class Responses implements ResponseStore {
        public final Map<UUID, QuestionnaireResponse> saved = new LinkedHashMap<>();
        public int saves;

        @Override
        public void save(QuestionnaireResponse response) {
            saves++;
            saved.put(response.id(), response);
        }

        @Override
        public Optional<QuestionnaireResponse> find(UUID id) {
            return Optional.ofNullable(saved.get(id));
        }

        @Override
        public List<QuestionnaireResponse> ofResident(ResidentId resident, String questionnaireId) {
            return saved.values().stream()
                    .filter(r -> r.resident().equals(Optional.of(resident)))
                    .filter(r -> r.questionnaire().id().equals(questionnaireId))
                    .toList();
        }

        @Override
        public List<QuestionnaireResponse> ofActivity(ActivityId activity) {
            return saved.values().stream()
                    .filter(r -> r.activity().equals(Optional.of(activity)))
                    .toList();
        }
    }

    public static final class Audit implements AuditTrail {
        public final List<AuditEvent> events = new ArrayList<>();

        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        @Override
        public List<AuditEvent> about(ResidentId resident) {
            return events.stream().filter(e -> resident.equals(e.resident())).toList();
        }
    }

    public static final class KnownResidents implements Residents {
        public final Set<ResidentId> known;

        public KnownResidents(ResidentId... known) {
            this.known = Set.of(known);
        }

        @Override
        public Optional<Resident> find(ResidentId id) {
            return known.contains(id)
                    ? Optional.of(new Resident(id, "Manouk", 2000, null, null, null))
                    : Optional.empty();
        }

        @Override
        public List<Resident> search(String text, WorkerId asWorker, int limit) {
            return List.of();
        }
    }

    public static final class Org implements Organisation {
        @Override
        public String name() {
            return "Welzijn Emmen";
        }

        @Override
        public List<Team> teams() {
            return List.of(new Team(Fixtures.NOORD, "Noord"), new Team(Fixtures.ZUID, "Zuid"));
        }

        @Override
        public List<Worker> workers() {
            return List.of(ANNA.worker(), BRAM.worker());
        }

        @Override
        public Optional<Worker> worker(WorkerId id) {
            return workers().stream().filter(w -> w.id().equals(id)).findFirst();
        }

        @Override
        public List<Funder> funders() {
            return List.of(new Funder(new FunderId("gemeente-emmen"), "Gemeente Emmen", "0114"));
        }
    }

    /**
     * The forms bundle's shipped definitions, read with its real parser, and what was published into the given
     * definition store (the shipped one wins an id and version both have), as the forms bundle's catalog does.
     */
    public static final class Catalog implements QuestionnaireCatalog {
        static final List<String> SHIPPED = List.of(
                "activiteit-registratie-v1.json",
                "effectenmonitor-v1.json",
                "impactmeting-v1.json",
                "positieve-gezondheid-demo-v1.json",
                "zrm-2017-v1.json");

        public final List<Questionnaire> definitions = new ArrayList<>();
        private final JsonQuestionnaireParser parser = new JsonQuestionnaireParser();
        private final Published published;

        public Catalog() {
            this(new Published());
        }

        public Catalog(Published published) {
            this.published = published;
            for (String file : SHIPPED) {
                definitions.add(parser.parse(shipped(file)));
            }
        }

        static String shipped(String file) {
            try (InputStream in = Fakes.class.getResourceAsStream("/OSGI-INF/meerwaarde/questionnaires/" + file)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<Questionnaire> all() {
            List<Questionnaire> all = new ArrayList<>(definitions);
            for (DefinitionStore.PublishedDefinition definition : published.all()) {
                if (all.stream().noneMatch(q -> q.ref().equals(definition.ref()))) {
                    all.add(parser.parse(definition.json()));
                }
            }
            return all.stream()
                    .sorted(Comparator.comparing((Questionnaire q) -> q.ref().id())
                            .thenComparingInt(q -> q.ref().version()))
                    .toList();
        }

        @Override
        public List<Questionnaire> latestVersions() {
            Map<String, Questionnaire> latest = new LinkedHashMap<>();
            all().forEach(q -> latest.put(q.ref().id(), q));
            return List.copyOf(latest.values());
        }

        @Override
        public Optional<Questionnaire> find(QuestionnaireRef ref) {
            return all().stream().filter(q -> q.ref().equals(ref)).findFirst();
        }

        @Override
        public Optional<Questionnaire> latest(String id) {
            return all().stream().filter(q -> q.ref().id().equals(id)).reduce((earlier, later) -> later);
        }
    }

    public static final class Published implements DefinitionStore {
        public final List<PublishedDefinition> saved = new ArrayList<>();

        @Override
        public void publish(PublishedDefinition definition) {
            if (saved.stream().anyMatch(d -> d.ref().equals(definition.ref()))) {
                throw new IllegalStateException("exists");
            }
            saved.add(definition);
        }

        @Override
        public List<PublishedDefinition> all() {
            return List.copyOf(saved);
        }
    }
}
