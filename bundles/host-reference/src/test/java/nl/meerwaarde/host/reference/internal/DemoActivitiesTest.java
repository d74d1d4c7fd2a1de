package nl.meerwaarde.host.reference.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.host.spi.Resident;
import nl.meerwaarde.host.spi.ResidentId;
import org.junit.jupiter.api.Test;

class DemoActivitiesTest {
    private static final List<nl.meerwaarde.host.spi.TeamId> DEMO_TEAMS =
            List.of(DemoHostData.TEAM_EMMER_COMPASCUUM, DemoHostData.TEAM_EMMEN_CENTRUM);

    private final InMemoryStores.Signals signals = new InMemoryStores.Signals();
    private final InMemoryStores.Activities activities = new InMemoryStores.Activities();

    @Test
    void loadsSignalsActivitiesAndParticipationsIntoEmptyStores() {
        DemoActivities demo = new DemoActivities(signals, activities, true);

        assertThat(demo.loaded()).isTrue();
        assertThat(signals.count(DEMO_TEAMS)).isEqualTo(DemoActivities.signals().size());
        assertThat(activities.count(DEMO_TEAMS)).isEqualTo(4);
        assertThat(activities.participations(DemoActivities.MOEDERGROEP)).hasSize(4);
    }

    @Test
    void loadsOnlyOnce() {
        new DemoActivities(signals, activities, true);
        int signalSaves = signals.saves;
        int activitySaves = activities.saves;

        DemoActivities again = new DemoActivities(signals, activities, true);

        assertThat(again.loaded()).isFalse();
        assertThat(signals.saves).isEqualTo(signalSaves);
        assertThat(activities.saves).isEqualTo(activitySaves);
        assertThat(signals.count(DEMO_TEAMS)).isEqualTo(DemoActivities.signals().size());
    }

    @Test
    void completesALoadThatWasCutOffWithoutOverwritingWhatAWorkerChanged() {
        CollectiveActivity first = DemoActivities.activities().get(0);
        CollectiveActivity renamed = new CollectiveActivity(
                first.id(),
                first.team(),
                "Moedergroep (hernoemd)",
                first.stage(),
                first.targetGroups(),
                first.funder(),
                first.startsOn(),
                first.budget(),
                first.actual(),
                first.anonymous(),
                first.individualQuestionsAnswered(),
                first.referrerSatisfaction(),
                first.goals(),
                first.analysis(),
                first.instrument(),
                first.partners(),
                first.sessions(),
                first.lessonsLearned());
        activities.save(renamed);

        assertThat(new DemoActivities(signals, activities, true).loaded()).isTrue();

        assertThat(activities.find(first.id())).contains(renamed);
        assertThat(activities.count(DEMO_TEAMS))
                .isEqualTo(DemoActivities.activities().size());
        assertThat(signals.count(DEMO_TEAMS)).isEqualTo(DemoActivities.signals().size());
    }

    @Test
    void doesNothingWhenDemoDataIsOff() {
        assertThat(new DemoActivities(signals, activities, false).loaded()).isFalse();
        assertThat(signals.saved).isEmpty();
        assertThat(activities.saved).isEmpty();
    }

    @Test
    void manouksSignalComesFromTheConsultatiebureau() {
        new DemoActivities(signals, activities, true);

        Signal manouk = signals.find(DemoActivities.MANOUK_SIGNAL).orElseThrow();
        assertThat(manouk.referrer()).isEqualTo("consultatiebureau");
        assertThat(manouk.targetGroups()).containsExactly("jonge-moeders");
        assertThat(manouk.question()).contains("geïsoleerd").contains("jonge moeder");
        assertThat(manouk.resident()).contains(DemoHostData.MANOUK);
        assertThat(manouk.activity()).contains(DemoActivities.MOEDERGROEP);
        assertThat(manouk.team()).isEqualTo(DemoHostData.TEAM_EMMER_COMPASCUUM);
    }

    @Test
    void theActivitiesAreInDifferentStages() {
        new DemoActivities(signals, activities, true);

        assertThat(activities.saved.values().stream()
                        .map(CollectiveActivity::stage)
                        .collect(Collectors.toSet()))
                .containsAll(EnumSet.of(Stage.PLAN, Stage.EXECUTION, Stage.CLOSED));

        CollectiveActivity moedergroep =
                activities.find(DemoActivities.MOEDERGROEP).orElseThrow();
        assertThat(moedergroep.title()).isEqualTo("Moedergroep Emmer-Compascuum");
        assertThat(moedergroep.stage()).isEqualTo(Stage.EXECUTION);

        CollectiveActivity huiskamer = activities.find(DemoActivities.HUISKAMER).orElseThrow();
        assertThat(huiskamer.anonymous()).isPresent();
        assertThat(activities.participations(DemoActivities.HUISKAMER)).isEmpty();

        CollectiveActivity plan = activities.find(DemoActivities.TAALCAFE).orElseThrow();
        assertThat(plan.stage()).isEqualTo(Stage.PLAN);
        assertThat(plan.goals()).hasSizeGreaterThanOrEqualTo(2).allMatch(g -> g.realisation()
                .isEmpty());
        assertThat(plan.budget()).isPresent();
        assertThat(plan.actual()).isEmpty();

        CollectiveActivity closed =
                activities.find(DemoActivities.MANTELZORGERS).orElseThrow();
        assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
        assertThat(closed.goals()).allMatch(g -> g.realisation().isPresent());
        assertThat(closed.referrerSatisfaction()).isPresent();
        assertThat(activities.participations(DemoActivities.MANTELZORGERS))
                .allMatch(p -> p.measurement().isPresent());
    }

    @Test
    void manoukFeelsConnectedAndSaysSoInDutch() {
        new DemoActivities(signals, activities, true);

        Participation manouk = activities.participations(DemoActivities.MOEDERGROEP).stream()
                .filter(p -> p.resident().equals(DemoHostData.MANOUK))
                .findFirst()
                .orElseThrow();
        Participation.ImpactMeasurement measurement = manouk.measurement().orElseThrow();
        assertThat(measurement.helped()).isTrue();
        assertThat(measurement.dimensions()).contains(DemoActivities.VERBONDEN);
        assertThat(measurement.quotes()).anyMatch(q -> q.contains("saamhorigheidsgevoel"));
    }

    @Test
    void everyParticipantAndSignalResidentIsAResidentOfTheHost() {
        Set<ResidentId> known =
                DemoHostData.RESIDENTS.stream().map(Resident::id).collect(Collectors.toSet());
        Set<ActivityId> activityIds =
                DemoActivities.activities().stream().map(CollectiveActivity::id).collect(Collectors.toSet());

        assertThat(DemoActivities.participations()).allMatch(p -> known.contains(p.resident()));
        assertThat(DemoActivities.participations()).allMatch(p -> activityIds.contains(p.activity()));
        assertThat(DemoActivities.signals())
                .allMatch(s -> s.resident().map(known::contains).orElse(true))
                .allMatch(s -> s.activity().map(activityIds::contains).orElse(true));
    }

    @Test
    void theIdsAreTheSameOnEveryMachine() {
        UUID expected = UUID.nameUUIDFromBytes(
                "nl.meerwaarde.host.reference.demo:activity:moedergroep-emmer-compascuum".getBytes(UTF_8));

        assertThat(DemoActivities.MOEDERGROEP.value()).isEqualTo(expected);
        assertThat(DemoActivities.activities().get(0).id()).isEqualTo(DemoActivities.MOEDERGROEP);
        assertThat(DemoActivities.participations())
                .extracting(Participation::id)
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(DemoActivities.participations().stream()
                        .map(Participation::id)
                        .toList());
    }
}
