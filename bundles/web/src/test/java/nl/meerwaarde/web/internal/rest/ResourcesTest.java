package nl.meerwaarde.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.ServiceUnavailableException;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.FakeHttp;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Json;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;
import org.junit.jupiter.api.Test;

class ResourcesTest {
    private final ObjectMapper json = Json.newMapper();

    static Signal signal(TeamId team, String referrer) {
        return new Signal(
                new SignalId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
                team,
                LocalDate.of(2026, 2, 3),
                "eenzaamheid",
                Set.of("ouderen", "mantelzorgers"),
                referrer,
                "Mevrouw K. (82) voelt zich alleen",
                true,
                Optional.of(new ResidentId("r-42")),
                Optional.empty());
    }

    /** A store that answers with fixed signals and records the teams it was asked for. */
    static final class FixedSignals implements SignalStore {
        final List<Signal> signals;
        final List<Collection<TeamId>> asked = new ArrayList<>();

        FixedSignals(List<Signal> signals) {
            this.signals = signals;
        }

        @Override
        public void save(Signal signal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Signal> find(SignalId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Signal> list(Collection<TeamId> teams, int offset, int limit) {
            asked.add(List.copyOf(teams));
            return signals;
        }

        @Override
        public long count(Collection<TeamId> teams) {
            return 120;
        }

        @Override
        public List<Signal> ofActivity(ActivityId activity) {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public List<Signal> unclustered(Collection<TeamId> teams, int limit) {
            throw new UnsupportedOperationException("not used by this test");
        }
    }

    @Test
    void signalsAreReadForTheWorkersOwnTeamsWithoutQuestionOrResident() throws Exception {
        FixedSignals store =
                new FixedSignals(List.of(signal(Fixtures.NOORD, "huisarts"), signal(Fixtures.ZUID, "school")));

        Views.PageView<Views.SignalView> page = SignalsResource.read(store, Fixtures.fatima(), new Paging(0, 50));

        assertThat(store.asked).containsExactly(List.of(Fixtures.NOORD));
        assertThat(page.items()).extracting(Views.SignalView::team).containsExactly("team-noord");
        assertThat(page.total()).isEqualTo(120);
        JsonNode written = json.readTree(json.writeValueAsString(page));
        JsonNode item = written.get("items").get(0);
        assertThat(item.get("registeredOn").asText()).isEqualTo("2026-02-03");
        assertThat(item.get("targetGroups").toString()).isEqualTo("[\"mantelzorgers\",\"ouderen\"]");
        assertThat(item.has("activity")).isFalse();
        assertThat(written.toString()).doesNotContain("Mevrouw").doesNotContain("r-42");
    }

    @Test
    void aWorkerWithoutTeamsSeesNothingAndTheStoreIsNotAsked() {
        FixedSignals store = new FixedSignals(List.of(signal(Fixtures.NOORD, null)));

        Views.PageView<Views.SignalView> page =
                SignalsResource.read(store, Fixtures.worker("Nieuw", Set.of(), Role.WORKER), new Paging(0, 10));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(store.asked).isEmpty();
    }

    @Test
    void withoutAStoreTheApiIsUnavailable() {
        assertThatThrownBy(() -> SignalsResource.read(null, Fixtures.fatima(), new Paging(0, 10)))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> ActivitiesResource.read(
                        null, Fixtures.fatima(), new Paging(0, 10), Messages.of(Languages.DUTCH)))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void activitiesCarryTheirStageInTheRequestLanguage() {
        CollectiveActivity activity = new CollectiveActivity(
                new ActivityId(UUID.fromString("00000000-0000-0000-0000-000000000002")),
                Fixtures.NOORD,
                "Sociale huiskamer",
                Stage.IMPACT_MEASUREMENT,
                Set.of("ouderen"),
                Optional.empty(),
                Optional.of(LocalDate.of(2026, 3, 1)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
        ActivityStore store = new ActivityStore() {
            @Override
            public void save(CollectiveActivity a) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<CollectiveActivity> find(ActivityId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<CollectiveActivity> list(Collection<TeamId> teams, int offset, int limit) {
                return List.of(activity);
            }

            @Override
            public long count(Collection<TeamId> teams) {
                return 1;
            }

            @Override
            public List<CollectiveActivity> list(Collection<TeamId> teams, Set<Stage> stages, int offset, int limit) {
                throw new UnsupportedOperationException("not used by this test");
            }

            @Override
            public Map<Stage, Long> countByStage(Collection<TeamId> teams) {
                throw new UnsupportedOperationException("not used by this test");
            }

            @Override
            public void saveParticipation(Participation participation) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void saveMeasurement(
                    Participation participation, nl.meerwaarde.api.questionnaire.QuestionnaireResponse response) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Participation> participations(ActivityId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void changeStage(StageChange change) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<StageChange> stageChanges(ActivityId id) {
                throw new UnsupportedOperationException();
            }
        };

        Views.ActivityView dutch = ActivitiesResource.read(
                        store, Fixtures.fatima(), new Paging(0, 10), Messages.of(Languages.DUTCH))
                .items()
                .get(0);
        Views.ActivityView english = ActivitiesResource.read(
                        store, Fixtures.fatima(), new Paging(0, 10), Messages.of(Languages.ENGLISH))
                .items()
                .get(0);

        assertThat(dutch.stage()).isEqualTo("IMPACT_MEASUREMENT");
        assertThat(dutch.stageTitle()).isEqualTo("Impact meten");
        assertThat(english.stageTitle()).isEqualTo("Impact measurement");
        assertThat(dutch.startsOn()).contains(LocalDate.of(2026, 3, 1));
    }

    @Test
    void meDescribesTheWorkerAndNothingOfOthers() throws Exception {
        Views.Me me = Views.Me.of(
                Fixtures.worker("Fatima Yilmaz", Set.of(Fixtures.ZUID, Fixtures.NOORD), Role.MANAGER, Role.WORKER),
                TeamNames.of(null));

        JsonNode written = json.readTree(json.writeValueAsString(me));
        assertThat(written.get("kind").asText()).isEqualTo("worker");
        assertThat(written.get("workerId").asText()).isEqualTo("w-fatima-yilmaz");
        assertThat(written.get("name").asText()).isEqualTo("Fatima Yilmaz");
        assertThat(written.get("roles").toString()).isEqualTo("[\"WORKER\",\"MANAGER\"]");
        assertThat(written.get("teams").toString()).isEqualTo("[{\"id\":\"team-noord\"},{\"id\":\"team-zuid\"}]");
    }

    @Test
    void aResidentIsDescribedWithoutIds() throws Exception {
        JsonNode written = json.readTree(json.writeValueAsString(Views.Me.of(Fixtures.resident(), TeamNames.of(null))));

        assertThat(written.get("kind").asText()).isEqualTo("resident");
        assertThat(written.has("workerId")).isFalse();
        assertThat(written.toString()).doesNotContain("r-1").doesNotContain("inv-1");
    }

    @Test
    void aRequestWithoutSubjectIsRefusedAndAResidentMayNotListTeamWork() {
        assertThatThrownBy(() ->
                        Caller.subject(FakeHttp.get("/meerwaarde/api/v1/me").proxy()))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> Caller.worker(FakeHttp.get("/meerwaarde/api/v1/signals")
                        .attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.resident())
                        .proxy()))
                .isInstanceOf(ForbiddenException.class);
    }
}
