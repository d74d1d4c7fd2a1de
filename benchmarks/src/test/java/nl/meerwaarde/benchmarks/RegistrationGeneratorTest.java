package nl.meerwaarde.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.host.spi.ResidentId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistrationGeneratorTest {
    private static final long SEED = 42;
    /** 2 000 activities, 20 000 participations, 4 000 signals, generated once for the distribution tests. */
    private static Generated small;

    record Generated(List<CollectiveActivity> activities, List<Participation> participations, List<Signal> signals) {}

    @BeforeAll
    static void generate() {
        small = all(GeneratorConfig.scaled(SEED, 2_000).withSliceSize(500));
    }

    static Generated all(GeneratorConfig config) {
        List<CollectiveActivity> activities = new ArrayList<>();
        List<Participation> participations = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        RegistrationGenerator generator = new RegistrationGenerator(config);
        generator.forEachRemaining(slice -> {
            activities.addAll(slice.activities());
            participations.addAll(slice.participations());
            signals.addAll(slice.signals());
        });
        return new Generated(activities, participations, signals);
    }

    static String checksum(GeneratorConfig config) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        RegistrationGenerator generator = new RegistrationGenerator(config);
        generator.forEachRemaining(slice -> {
            slice.activities().forEach(a -> digest.update(a.toString().getBytes()));
            slice.participations().forEach(p -> digest.update(p.toString().getBytes()));
            slice.signals().forEach(s -> digest.update(s.toString().getBytes()));
        });
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void theSameSeedGivesTheSameRecords() throws Exception {
        GeneratorConfig config = GeneratorConfig.scaled(SEED, 300).withSliceSize(100);
        Generated again = all(GeneratorConfig.scaled(SEED, 2_000).withSliceSize(500));

        assertThat(again.activities().subList(0, 100))
                .isEqualTo(small.activities().subList(0, 100));
        assertThat(again.participations().subList(0, 1_000))
                .isEqualTo(small.participations().subList(0, 1_000));
        assertThat(again.signals().subList(0, 200)).isEqualTo(small.signals().subList(0, 200));
        assertThat(checksum(config)).isEqualTo(checksum(config));
    }

    @Test
    void theSliceSizeDoesNotChangeTheRecords() throws Exception {
        GeneratorConfig config = GeneratorConfig.scaled(SEED, 300);

        // the checksum interleaves the slices' records differently; the records themselves are the same
        assertThat(all(config.withSliceSize(7))).isEqualTo(all(config.withSliceSize(300)));
    }

    @Test
    void anotherSeedGivesOtherRecords() throws Exception {
        Generated other = all(GeneratorConfig.scaled(SEED + 1, 2_000));

        assertThat(checksum(GeneratorConfig.scaled(SEED + 1, 300)))
                .isNotEqualTo(checksum(GeneratorConfig.scaled(SEED, 300)));
        assertThat(other.activities().get(0).id())
                .isNotEqualTo(small.activities().get(0).id());
        assertThat(other.activities().get(0).startsOn())
                .isNotEqualTo(small.activities().get(0).startsOn());
    }

    @Test
    void theSizesAreExact() {
        assertThat(small.activities()).hasSize(2_000);
        assertThat(small.participations()).hasSize(20_000);
        assertThat(small.signals()).hasSize(4_000);
        assertThat(small.activities().stream().filter(a -> a.anonymous().isPresent()))
                .hasSize(200);
        assertThat(small.activities().stream().map(CollectiveActivity::id).distinct())
                .hasSize(2_000);
        assertThat(small.participations().stream().map(Participation::id).distinct())
                .hasSize(20_000);
        assertThat(small.signals().stream().map(Signal::id).distinct()).hasSize(4_000);
    }

    @Test
    void activitiesAreSpreadAsSpecified() {
        List<CollectiveActivity> activities = small.activities();
        double n = activities.size();
        assertThat(activities.stream().filter(a -> a.budget().isPresent()).count() / n)
                .isCloseTo(0.8, within(0.04));
        assertThat(activities.stream().filter(a -> a.actual().isPresent()).count() / n)
                .isCloseTo(0.7, within(0.04));
        assertThat(activities.stream().map(CollectiveActivity::team).distinct()).hasSize(2);
        assertThat(activities.stream().flatMap(a -> a.targetGroups().stream()).distinct())
                .hasSize(8);
        assertThat(activities.stream().flatMap(a -> a.funder().stream()).distinct())
                .hasSize(3);
        Map<Integer, Long> perYear = new HashMap<>();
        activities.forEach(a -> perYear.merge(a.startsOn().orElseThrow().getYear(), 1L, Long::sum));
        assertThat(perYear).containsOnlyKeys(2023, 2024, 2025);
        perYear.values().forEach(count -> assertThat(count / n).isCloseTo(1 / 3.0, within(0.05)));

        for (CollectiveActivity activity : activities) {
            activity.anonymous().ifPresent(counts -> {
                assertThat(counts.participants()).isBetween(10, 40);
            });
        }
        Map<ActivityId, Long> perActivity = new HashMap<>();
        small.participations().forEach(p -> perActivity.merge(p.activity(), 1L, Long::sum));
        Set<ActivityId> anonymous = new HashSet<>();
        activities.stream().filter(a -> a.anonymous().isPresent()).forEach(a -> anonymous.add(a.id()));
        assertThat(perActivity.keySet()).doesNotContainAnyElementsOf(anonymous);
        // 20 000 participations over 1 800 known activities: about 11 each, between half and one and a half
        assertThat(perActivity.values()).allSatisfy(count -> assertThat(count).isBetween(4L, 19L));
    }

    @Test
    void participationsAreSpreadAsSpecified() {
        List<Participation> participations = small.participations();
        double n = participations.size();
        List<Participation.ImpactMeasurement> measured =
                participations.stream().flatMap(p -> p.measurement().stream()).toList();
        double m = measured.size();
        assertThat(m / n).isCloseTo(0.7, within(0.02));
        assertThat(measured.stream().filter(x -> x.helped()).count() / m).isCloseTo(0.75, within(0.02));
        assertThat(measured.stream().filter(x -> x.grade().isEmpty()).count() / m)
                .isCloseTo(0.15, within(0.02));
        double meanGrade = measured.stream()
                .flatMap(x -> x.grade().stream())
                .mapToInt(Integer::intValue)
                .average()
                .orElseThrow();
        assertThat(meanGrade).isBetween(7.3, 8.3);
        assertThat(measured.stream().flatMap(x -> x.grade().stream()).distinct())
                .hasSize(10);
        assertThat(measured.stream().flatMap(x -> x.dimensions().stream()).distinct())
                .containsExactlyInAnyOrder("erkend", "verbonden", "opgelucht");
        assertThat(measured.stream().map(x -> x.dimensions().size()).distinct()).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(measured.stream().filter(x -> !x.quotes().isEmpty()).count() / m)
                .isCloseTo(0.2, within(0.02));
        assertThat(participations.stream().filter(p -> !p.referrals().isEmpty()).count() / n)
                .isCloseTo(0.1, within(0.02));
        assertThat(participations.stream().flatMap(p -> p.referrals().stream()).distinct())
                .hasSize(6);

        // residents take part several times, never twice in one activity
        Map<ResidentId, Long> perResident = new HashMap<>();
        participations.forEach(p -> perResident.merge(p.resident(), 1L, Long::sum));
        assertThat(perResident.values().stream().filter(count -> count > 1).count())
                .isGreaterThan(perResident.size() / 2);
        Set<String> pairs = new HashSet<>();
        participations.forEach(
                p -> assertThat(pairs.add(p.activity() + "/" + p.resident())).isTrue());
    }

    @Test
    void signalsAreSpreadAsSpecified() {
        List<Signal> signals = small.signals();
        double n = signals.size();
        assertThat(signals.stream().filter(Signal::answered).count() / n).isCloseTo(0.6, within(0.03));
        assertThat(signals.stream().filter(s -> s.activity().isPresent()).count() / n)
                .isCloseTo(0.3, within(0.03));
        assertThat(signals.stream().map(Signal::type).distinct()).hasSize(6);
        assertThat(signals.stream().map(s -> s.registeredOn().getYear()).distinct())
                .containsExactlyInAnyOrder(2023, 2024, 2025);

        // a clustered signal refers to a generated activity, of its team, registered before it starts
        Map<ActivityId, CollectiveActivity> byId = new HashMap<>();
        small.activities().forEach(a -> byId.put(a.id(), a));
        signals.stream().filter(s -> s.activity().isPresent()).forEach(signal -> {
            CollectiveActivity activity = byId.get(signal.activity().orElseThrow());
            assertThat(activity).isNotNull();
            assertThat(signal.team()).isEqualTo(activity.team());
            assertThat(signal.registeredOn())
                    .isBeforeOrEqualTo(activity.startsOn().orElseThrow());
            assertThat(activity.targetGroups()).containsAll(signal.targetGroups());
        });
    }

    @Test
    void clusteredSignalsReferToActivitiesOfTheirSliceOrAnEarlierOne() {
        RegistrationGenerator generator =
                new RegistrationGenerator(GeneratorConfig.scaled(SEED, 1_000).withSliceSize(50));
        Set<ActivityId> seen = new HashSet<>();
        generator.forEachRemaining(slice -> {
            slice.activities().forEach(a -> seen.add(a.id()));
            slice.signals()
                    .forEach(s -> s.activity().ifPresent(id -> assertThat(seen).contains(id)));
        });
    }

    @Test
    void everyRecordIsValidForTheDomainConstructors() {
        // re-running each canonical constructor with the generated values throws on anything invalid
        for (CollectiveActivity a : small.activities()) {
            new CollectiveActivity(
                    a.id(),
                    a.team(),
                    a.title(),
                    a.stage(),
                    a.targetGroups(),
                    a.funder(),
                    a.startsOn(),
                    a.budget().map(i -> new CollectiveActivity.Investment(i.hours(), i.euros())),
                    a.actual().map(i -> new CollectiveActivity.Investment(i.hours(), i.euros())),
                    a.anonymous()
                            .map(c ->
                                    new CollectiveActivity.AnonymousCounts(c.participants(), c.measured(), c.helped())),
                    a.individualQuestionsAnswered(),
                    a.referrerSatisfaction(),
                    a.goals(),
                    a.analysis(),
                    a.instrument(),
                    a.partners(),
                    a.sessions(),
                    a.lessonsLearned());
            assertThat(a.title().length()).isLessThanOrEqualTo(500);
        }
        for (Participation p : small.participations()) {
            new Participation(
                    p.id(),
                    p.activity(),
                    p.resident(),
                    p.measurement()
                            .map(m -> new Participation.ImpactMeasurement(
                                    m.helped(),
                                    m.helpedReason(),
                                    m.grade(),
                                    m.gradeExplanation(),
                                    m.dimensions(),
                                    m.quotes(),
                                    m.workerObservation())),
                    p.referrals());
        }
        for (Signal s : small.signals()) {
            new Signal(
                    s.id(),
                    s.team(),
                    s.registeredOn(),
                    s.type(),
                    s.targetGroups(),
                    s.referrer(),
                    s.question(),
                    s.answered(),
                    s.resident(),
                    s.activity());
        }
        assertThat(small.participations().stream()
                        .map(Participation::id)
                        .map(UUID::version)
                        .distinct())
                .containsExactly(3);
    }

    @Test
    void teamsAreConfigurable() {
        Generated five = all(GeneratorConfig.scaled(SEED, 200).withTeams(5));

        assertThat(five.activities().stream().map(a -> a.team().value()).distinct())
                .containsExactlyInAnyOrder("team-01", "team-02", "team-03", "team-04", "team-05");
    }
}
