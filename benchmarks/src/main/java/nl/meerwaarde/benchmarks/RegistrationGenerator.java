package nl.meerwaarde.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.CollectiveActivity.AnonymousCounts;
import nl.meerwaarde.api.CollectiveActivity.GoalRealisation;
import nl.meerwaarde.api.CollectiveActivity.Investment;
import nl.meerwaarde.api.CollectiveActivity.SmartGoal;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.importing.RegistrationKeys;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;

/**
 * Generates registrations at any size, deterministically from {@link GeneratorConfig#seed()}: activities with their
 * participations, and signals, in {@link Slice slices} of {@link GeneratorConfig#sliceSize()} activities, so that
 * no more than one slice is ever in memory.
 *
 * <p>Every random choice comes from a {@link SplittableRandom} seeded from the seed, a purpose and the record's
 * index, never from the time or a hash order; so the records do not depend on the slice size either. Only the
 * number of participants per activity is drawn in sequence (so that the total is exactly {@link
 * GeneratorConfig#participations()}), and which activities are anonymous is chosen up front (exactly 10%).
 *
 * <p>The ids are {@link RegistrationKeys} of keys {@code bench-<seed>-A<i>}, {@code bench-<seed>-P<i>-<n>} and
 * {@code bench-<seed>-S<j>}: loading the same generation again replaces the same rows.
 *
 * <p>Distributions (about): 10% anonymous activities (10-40 participants, 70% measured, 75% of those helped);
 * participations 70% measured, 75% of measured helped, grades 1-10 skewed high and missing on 15% of the measured,
 * 0-3 dimensions (erkend, verbonden, opgelucht), quotes on 20% of the measured, referrals on 10% to six partners;
 * budgets on 80% of the activities, actuals on 70%; activities start over 2023-2025; signals of six types over the
 * same years, 60% answered, 30% clustered onto an activity.
 */
public final class RegistrationGenerator implements Iterator<RegistrationGenerator.Slice> {
    public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    static final int DAYS = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
    /** Activities older than this (relative to the end of 2025) are mostly closed. */
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    public static final List<String> TARGET_GROUPS = List.of(
            "ouderen",
            "jongeren",
            "jonge-moeders",
            "mantelzorgers",
            "statushouders",
            "alleenstaanden",
            "gezinnen",
            "mensen-met-een-beperking");
    public static final List<String> FUNDERS = List.of("gemeente", "zorgverzekeraar", "fonds");
    public static final List<String> PARTNERS =
            List.of("buurtkamer", "voedselbank", "schuldhulp", "huisartsenpraktijk", "bibliotheek", "sportclub");
    public static final List<String> DIMENSIONS = List.of("erkend", "verbonden", "opgelucht");
    public static final List<String> SIGNAL_TYPES =
            List.of("sociaal-isolement", "eenzaamheid", "financien", "opvoeding", "wonen", "gezondheid");
    private static final int[] SIGNAL_TYPE_WEIGHTS = {25, 20, 18, 15, 12, 10};
    private static final List<String> REFERRERS =
            List.of("huisarts", "consultatiebureau", "wijkagent", "school", "woningcorporatie", "inwoner zelf");
    private static final List<String> KINDS = List.of(
            "Koffieochtend",
            "Wandelgroep",
            "Taalcafé",
            "Opvoedcursus",
            "Budgetcursus",
            "Moestuin",
            "Buurtmaaltijd",
            "Mantelzorgcafé");
    private static final List<String> QUESTIONS = List.of(
            "Ik zit veel alleen thuis en ken niemand in de buurt.",
            "Kunnen jullie helpen met de post en de rekeningen?",
            "Ik weet niet hoe ik met mijn zoon moet praten.",
            "De buurman heeft hulp nodig maar vraagt er niet om.",
            "Waar kan ik terecht voor een cursus Nederlands?");
    private static final List<String> QUOTES = List.of(
            "Ik kom weer buiten.",
            "Eindelijk iemand die luistert.",
            "Ik heb nieuwe mensen leren kennen.",
            "Ik weet nu waar ik heen kan.",
            "Het geeft rust.");
    private static final List<String> GOALS = List.of(
            "Deelnemers kennen na afloop minstens twee buurtgenoten.",
            "Deelnemers weten waar ze met geldvragen terecht kunnen.",
            "Acht van de tien deelnemers komen minstens vier keer.",
            "Deelnemers voelen zich minder alleen.");
    /** Weights of the grades 1..10: skewed high, mostly 7-9. */
    private static final int[] GRADE_WEIGHTS = {1, 1, 1, 2, 3, 6, 14, 28, 25, 19};

    private static final long HEAD = 1;
    private static final long BODY = 2;
    private static final long PEOPLE = 3;
    private static final long SIGNAL = 4;
    private static final long ANONYMITY = 5;

    private final GeneratorConfig config;
    private final String keyPrefix;
    private final BitSet anonymous;
    private int nextActivity;
    private int nextSignal;
    private long remainingParticipations;
    private int remainingKnown;
    private int sliceIndex;

    public RegistrationGenerator(GeneratorConfig config) {
        this.config = config;
        this.keyPrefix = "bench-" + config.seed() + "-";
        this.anonymous = chooseAnonymous(config);
        this.remainingParticipations = config.participations();
        this.remainingKnown = config.activities() - anonymous.cardinality();
    }

    public GeneratorConfig config() {
        return config;
    }

    /** Number of slices this generation has in all. */
    public int sliceCount() {
        return (config.activities() + config.sliceSize() - 1) / config.sliceSize();
    }

    /** Whether the activity with this index registers counts only (no known participants). */
    public boolean isAnonymous(int activity) {
        return anonymous.get(activity);
    }

    /** The id of the activity with this index. */
    public ActivityId activityId(int activity) {
        return RegistrationKeys.activityId(keyPrefix + "A" + activity);
    }

    /** One slice of the generation: activities with their participations, and the signals of the same span. */
    public record Slice(
            int index, List<CollectiveActivity> activities, List<Participation> participations, List<Signal> signals) {
        public Slice {
            activities = List.copyOf(activities);
            participations = List.copyOf(participations);
            signals = List.copyOf(signals);
        }

        public int records() {
            return activities.size() + participations.size() + signals.size();
        }

        /** The table rows these records make, child rows (target groups, goals, quotes, ...) included. */
        public long rows() {
            long rows = records();
            for (CollectiveActivity activity : activities) {
                rows += activity.targetGroups().size()
                        + activity.goals().size()
                        + activity.partners().size();
            }
            for (Participation participation : participations) {
                rows += participation.referrals().size();
                rows += participation
                        .measurement()
                        .map(m -> m.dimensions().size() + m.quotes().size())
                        .orElse(0);
            }
            for (Signal signal : signals) {
                rows += signal.targetGroups().size();
            }
            return rows;
        }
    }

    @Override
    public boolean hasNext() {
        return nextActivity < config.activities();
    }

    @Override
    public Slice next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int from = nextActivity;
        int to = Math.min(config.activities(), from + config.sliceSize());
        List<CollectiveActivity> activities = new ArrayList<>(to - from);
        List<Participation> participations = new ArrayList<>();
        for (int i = from; i < to; i++) {
            activities.add(activity(i, participations));
        }
        int signalsTo = signalStart(to);
        List<Signal> signals = new ArrayList<>(Math.max(0, signalsTo - nextSignal));
        for (int j = nextSignal; j < signalsTo; j++) {
            signals.add(signal(j));
        }
        nextActivity = to;
        nextSignal = signalsTo;
        return new Slice(sliceIndex++, activities, participations, signals);
    }

    /** The first signal index that belongs with the activities from this index on. */
    private int signalStart(int activity) {
        return (int) ((long) activity * config.signals() / config.activities());
    }

    // ---- activities and their participations

    /** What a signal clustered onto the activity needs too: derived from the activity's index alone. */
    private record Head(TeamId team, LocalDate startsOn, Set<String> targetGroups) {}

    private Head head(int activity) {
        SplittableRandom r = random(HEAD, activity);
        TeamId team = team(r.nextInt(config.teams()));
        LocalDate startsOn = FIRST_DAY.plusDays(r.nextInt(DAYS));
        Set<String> groups = new LinkedHashSet<>();
        groups.add(pick(r, TARGET_GROUPS));
        if (chance(r, 0.25)) {
            groups.add(pick(r, TARGET_GROUPS));
        }
        return new Head(team, startsOn, groups);
    }

    private CollectiveActivity activity(int index, List<Participation> participations) {
        Head head = head(index);
        SplittableRandom r = random(BODY, index);
        long age = TODAY.toEpochDay() - head.startsOn().toEpochDay();
        Stage stage;
        if (age > 270) {
            stage = chance(r, 0.9) ? Stage.CLOSED : Stage.EVALUATION;
        } else if (age > 90) {
            stage = pick(r, List.of(Stage.IMPACT_MEASUREMENT, Stage.EVALUATION, Stage.CLOSED));
        } else {
            stage = Stage.EXECUTION;
        }
        boolean evaluated = stage == Stage.EVALUATION || stage == Stage.CLOSED;
        Optional<Investment> budget = Optional.empty();
        if (chance(r, 0.8)) {
            budget = Optional.of(new Investment(
                    Optional.of(halfHours(8 + r.nextInt(385))),
                    chance(r, 0.9) ? Optional.of(BigDecimal.valueOf(250L * (1 + r.nextInt(60)))) : Optional.empty()));
        }
        Optional<Investment> actual = Optional.empty();
        if (chance(r, 0.7)) {
            double factor = 0.6 + r.nextDouble() * 0.8;
            BigDecimal hours = budget.flatMap(Investment::hours)
                    .map(h -> halfHours((int) Math.round(h.doubleValue() * 2 * factor)))
                    .orElseGet(() -> halfHours(8 + r.nextInt(385)));
            Optional<BigDecimal> euros = budget.flatMap(Investment::euros)
                    .map(e -> BigDecimal.valueOf(Math.round(e.doubleValue() * factor)))
                    .or(() -> chance(r, 0.5)
                            ? Optional.of(BigDecimal.valueOf(100L * (1 + r.nextInt(100))))
                            : Optional.empty());
            actual = Optional.of(new Investment(Optional.of(hours), euros));
        }
        Optional<AnonymousCounts> counts = Optional.empty();
        if (anonymous.get(index)) {
            int participants = 10 + r.nextInt(31);
            int measured = binomial(r, participants, 0.7);
            counts = Optional.of(new AnonymousCounts(participants, measured, binomial(r, measured, 0.75)));
        } else {
            participants(index, r, participations);
        }
        List<SmartGoal> goals = new ArrayList<>();
        int goalCount = 1 + r.nextInt(3);
        for (int g = 0; g < goalCount; g++) {
            goals.add(new SmartGoal(
                    GOALS.get((index + g) % GOALS.size()), evaluated ? Optional.of(realisation(r)) : Optional.empty()));
        }
        Set<String> partners = new LinkedHashSet<>();
        int partnerCount = r.nextInt(3);
        for (int p = 0; p < partnerCount; p++) {
            partners.add(pick(r, PARTNERS));
        }
        String kind = pick(r, KINDS);
        return new CollectiveActivity(
                activityId(index),
                head.team(),
                kind + " " + head.targetGroups().iterator().next() + " " + (index + 1),
                stage,
                head.targetGroups(),
                chance(r, 0.9) ? Optional.of(new FunderId(pick(r, FUNDERS))) : Optional.empty(),
                Optional.of(head.startsOn()),
                budget,
                actual,
                counts,
                chance(r, 0.5) ? Optional.of(r.nextInt(16)) : Optional.empty(),
                evaluated && chance(r, 0.6) ? Optional.of(grade(r)) : Optional.empty(),
                goals,
                chance(r, 0.3) ? Optional.of("Signalen uit de wijk over " + kind.toLowerCase()) : Optional.empty(),
                Optional.empty(),
                partners,
                chance(r, 0.6) ? Optional.of(1 + r.nextInt(20)) : Optional.empty(),
                stage == Stage.CLOSED && chance(r, 0.3) ? Optional.of("Vaker in de avond plannen.") : Optional.empty());
    }

    /**
     * The known participations of a non-anonymous activity: about the mean of what is left per activity left
     * (between half and one and a half times it), the last activity taking the rest, so the total is exact.
     */
    private void participants(int activity, SplittableRandom body, List<Participation> out) {
        int count;
        if (remainingKnown <= 1) {
            count = (int) Math.min(remainingParticipations, config.residents());
        } else {
            double mean = (double) remainingParticipations / remainingKnown;
            count = (int) Math.round(mean * (0.5 + body.nextDouble()));
            count = (int) Math.min(Math.min(count, remainingParticipations), config.residents());
        }
        remainingKnown--;
        remainingParticipations -= count;
        SplittableRandom r = random(PEOPLE, activity);
        Set<Integer> taken = new HashSet<>();
        ActivityId id = activityId(activity);
        for (int n = 0; n < count; n++) {
            int resident;
            do {
                resident = r.nextInt(config.residents());
            } while (!taken.add(resident));
            out.add(participation(
                    RegistrationKeys.participationId(keyPrefix + "P" + activity + "-" + n), id, resident(resident), r));
        }
    }

    private static Participation participation(UUID id, ActivityId activity, ResidentId resident, SplittableRandom r) {
        Optional<ImpactMeasurement> measurement = Optional.empty();
        if (chance(r, 0.7)) {
            boolean helped = chance(r, 0.75);
            Optional<Integer> grade = chance(r, 0.85) ? Optional.of(grade(r)) : Optional.empty();
            Set<String> dimensions = new LinkedHashSet<>();
            for (String dimension : DIMENSIONS) {
                if (chance(r, helped ? 0.5 : 0.12)) {
                    dimensions.add(dimension);
                }
            }
            measurement = Optional.of(new ImpactMeasurement(
                    helped,
                    chance(r, 0.4) ? Optional.of(helped ? "Meer contact" : "Past niet bij mij") : Optional.empty(),
                    grade,
                    grade.isPresent() && chance(r, 0.25) ? Optional.of("Fijne groep") : Optional.empty(),
                    dimensions,
                    chance(r, 0.2) ? List.of(pick(r, QUOTES)) : List.of(),
                    chance(r, 0.1) ? Optional.of("Komt steeds vaker.") : Optional.empty()));
        }
        Set<String> referrals = new LinkedHashSet<>();
        if (chance(r, 0.1)) {
            referrals.add(pick(r, PARTNERS));
            if (chance(r, 0.15)) {
                referrals.add(pick(r, PARTNERS));
            }
        }
        return new Participation(id, activity, resident, measurement, referrals);
    }

    // ---- signals

    private Signal signal(int index) {
        SplittableRandom r = random(SIGNAL, index);
        TeamId team;
        LocalDate registeredOn;
        Set<String> groups = new LinkedHashSet<>();
        Optional<ActivityId> activity = Optional.empty();
        boolean answered;
        if (chance(r, 0.3)) {
            // clustered onto an activity at most 200 positions back: always in this slice or an earlier one
            int anchor = (int) ((long) index * config.activities() / config.signals());
            int target = anchor - r.nextInt(Math.min(anchor + 1, 200));
            Head head = head(target);
            team = head.team();
            LocalDate day = head.startsOn().minusDays(r.nextInt(120));
            registeredOn = day.isBefore(FIRST_DAY) ? FIRST_DAY : day;
            groups.add(pick(r, List.copyOf(head.targetGroups())));
            activity = Optional.of(activityId(target));
            answered = chance(r, 0.8);
        } else {
            team = team(r.nextInt(config.teams()));
            registeredOn = FIRST_DAY.plusDays(r.nextInt(DAYS));
            groups.add(pick(r, TARGET_GROUPS));
            if (chance(r, 0.15)) {
                groups.add(pick(r, TARGET_GROUPS));
            }
            answered = chance(r, 0.515);
        }
        return new Signal(
                RegistrationKeys.signalId(keyPrefix + "S" + index),
                team,
                registeredOn,
                SIGNAL_TYPES.get(weighted(r, SIGNAL_TYPE_WEIGHTS)),
                groups,
                pick(r, REFERRERS),
                pick(r, QUESTIONS),
                answered,
                chance(r, 0.6) ? Optional.of(resident(r.nextInt(config.residents()))) : Optional.empty(),
                activity);
    }

    // ---- helpers

    private static BitSet chooseAnonymous(GeneratorConfig config) {
        // selection sampling (Knuth's algorithm S): exactly 10% of the activities, spread evenly by chance
        SplittableRandom r = random(config.seed(), ANONYMITY, 0);
        int wanted = (int) Math.round(config.activities() * 0.1);
        BitSet chosen = new BitSet(config.activities());
        int selected = 0;
        for (int i = 0; i < config.activities() && selected < wanted; i++) {
            if (r.nextInt(config.activities() - i) < wanted - selected) {
                chosen.set(i);
                selected++;
            }
        }
        return chosen;
    }

    private SplittableRandom random(long purpose, long index) {
        return random(config.seed(), purpose, index);
    }

    private static SplittableRandom random(long seed, long purpose, long index) {
        return new SplittableRandom(mix(mix(seed ^ (purpose * 0x9E3779B97F4A7C15L)) + index));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static TeamId team(int index) {
        return new TeamId(String.format("team-%02d", index + 1));
    }

    static ResidentId resident(int index) {
        return new ResidentId(String.format("res-%06d", index + 1));
    }

    private static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static int grade(SplittableRandom r) {
        return weighted(r, GRADE_WEIGHTS) + 1;
    }

    private static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    private static int binomial(SplittableRandom r, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    private static GoalRealisation realisation(SplittableRandom r) {
        double x = r.nextDouble();
        return x < 0.55 ? GoalRealisation.ACHIEVED : x < 0.85 ? GoalRealisation.PARTLY : GoalRealisation.NOT_ACHIEVED;
    }

    private static BigDecimal halfHours(int halves) {
        return BigDecimal.valueOf(halves).divide(BigDecimal.valueOf(2)).setScale(1);
    }
}
