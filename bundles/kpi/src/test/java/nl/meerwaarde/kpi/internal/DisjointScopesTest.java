package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.importing.RegistrationKeys;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.importer.internal.GoldenData;
import nl.meerwaarde.store.internal.SchemaMigration;
import nl.meerwaarde.testsupport.H2Databases;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the KPI engine over scopes that partition the organisation, on data sets generated from fixed seeds
 * and loaded through the importer (docs/import.md): the two teams of the demo organisation share nothing, so what
 * adds up must add up exactly, distinct residents of the organisation lie between the largest team and the sum of
 * the teams, and a team computes as the organisation of its own records. Activities, funders and target groups are
 * checked against counts over the generated records in plain Java.
 */
class DisjointScopesTest {
    private static final String EC = "team-emmer-compascuum";
    private static final String CE = "team-emmen-centrum";
    private static final List<String> TEAMS = List.of(EC, CE);
    private static final String FUNDER = "gemeente-emmen";
    private static final List<String> TARGET_GROUPS =
            List.of("jonge-moeders", "nieuwkomers", "jongeren", "ouderen", "mantelzorgers");
    private static final List<String> SIGNAL_TYPES =
            List.of("sociaal-isolement", "eenzaamheid", "overbelasting-mantelzorg", "taal", "ontmoetingsplek-jongeren");
    private static final List<String> DIMENSIONS = List.of("erkend", "verbonden", "opgelucht");
    private static final List<String> PARTNERS =
            List.of("Leerwerkloket Emmen", "Taalhuis Emmen", "Schuldhulpmaatje Emmen");
    private static final int RESIDENTS = 16;
    private static final Period YEAR = Period.year(2025);
    private static final long[] SEEDS = {4, 8, 15, 16, 23};
    private static final List<String> ALL =
            IntStream.rangeClosed(1, 23).mapToObj(i -> "tinten-" + i).toList();
    private static final Scope ORGANISATION = new Scope.OrganisationScope();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Libraries LIBRARIES = KpiEngineComponent.shipped();
    private static final Map<Long, DataSet> GENERATED = new HashMap<>();
    private static final Map<String, KpiEngineComponent> ENGINES = new HashMap<>();
    private static Path h2Template;

    // ---- the generated records -----------------------------------------------------------------------------------

    record Signal(
            String key,
            String team,
            LocalDate registeredOn,
            String type,
            List<String> targetGroups,
            Boolean answered,
            String resident,
            String activityKey) {}

    record Activity(
            String key,
            String team,
            List<String> targetGroups,
            String funder,
            LocalDate startsOn,
            BigDecimal budgetHours,
            BigDecimal budgetEuros,
            BigDecimal actualHours,
            BigDecimal actualEuros,
            Integer anonParticipants,
            Integer anonMeasured,
            Integer anonHelped,
            Integer individualQuestions) {
        boolean inPeriod() {
            return startsOn != null && YEAR.contains(startsOn);
        }

        Scope scope() {
            return new Scope.ActivityScope(RegistrationKeys.activityId(key));
        }

        String id() {
            return RegistrationKeys.activityId(key).value().toString();
        }
    }

    /** @param helped null when not measured */
    record Participation(
            String key,
            String activityKey,
            String team,
            String resident,
            Boolean helped,
            Integer grade,
            List<String> dimensions,
            List<String> quotes,
            List<String> referrals) {}

    record DataSet(String name, List<Signal> signals, List<Activity> activities, List<Participation> participations) {
        /** The records of one team only. */
        DataSet only(String team) {
            return new DataSet(
                    name + "-" + team,
                    signals.stream().filter(s -> s.team().equals(team)).toList(),
                    activities.stream().filter(a -> a.team().equals(team)).toList(),
                    participations.stream().filter(p -> p.team().equals(team)).toList());
        }

        Activity activity(String key) {
            return activities.stream()
                    .filter(a -> a.key().equals(key))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static DataSet generated(long seed) {
        return GENERATED.computeIfAbsent(seed, DisjointScopesTest::generate);
    }

    static DataSet generate(long seed) {
        Random random = new Random(seed);
        List<Activity> activities = new ArrayList<>();
        int activityCount = 7 + random.nextInt(6);
        for (int i = 0; i < activityCount; i++) {
            // the first two: one per team, in the period, so that each team has something to count
            String team = i < 2 ? TEAMS.get(i) : pick(random, TEAMS);
            LocalDate startsOn = i < 2 ? LocalDate.of(2025, 3 + i, 10) : date(random, true);
            boolean anonymous = random.nextInt(3) == 0;
            int participants = random.nextInt(41);
            int measured = random.nextInt(participants + 1);
            int helped = random.nextInt(measured + 1);
            activities.add(new Activity(
                    "GEN-A%02d".formatted(i + 1),
                    team,
                    some(random, TARGET_GROUPS, random.nextInt(3)),
                    random.nextInt(3) > 0 ? FUNDER : null,
                    startsOn,
                    chance(random, 70) ? money(random, 1, 20_000) : null,
                    chance(random, 70) ? money(random, 1, 500_000) : null,
                    chance(random, 70) ? money(random, 0, 20_000) : null,
                    chance(random, 70) ? money(random, 0, 500_000) : null,
                    anonymous ? participants : null,
                    anonymous ? measured : null,
                    anonymous ? helped : null,
                    chance(random, 70) ? random.nextInt(16) : null));
        }

        List<Participation> participations = new ArrayList<>();
        for (Activity activity : activities) {
            int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
            List<String> residents = some(
                    random,
                    IntStream.rangeClosed(1, RESIDENTS)
                            .mapToObj("inw-%04d"::formatted)
                            .toList(),
                    count);
            for (String resident : residents) {
                boolean measured = chance(random, 70);
                List<String> quotes = measured && chance(random, 40)
                        ? IntStream.range(0, 1 + random.nextInt(2))
                                .mapToObj(q -> "Citaat " + (participations.size() + 1) + "." + (q + 1))
                                .toList()
                        : List.of();
                participations.add(new Participation(
                        "GEN-P%03d".formatted(participations.size() + 1),
                        activity.key(),
                        activity.team(),
                        resident,
                        measured ? random.nextBoolean() : null,
                        measured && chance(random, 75) ? 1 + random.nextInt(10) : null,
                        measured ? some(random, DIMENSIONS, random.nextInt(4)) : List.of(),
                        quotes,
                        chance(random, 35) ? some(random, PARTNERS, 1 + random.nextInt(2)) : List.of()));
            }
        }

        List<Signal> signals = new ArrayList<>();
        int signalCount = 8 + random.nextInt(11);
        for (int i = 0; i < signalCount; i++) {
            String team = pick(random, TEAMS);
            List<Activity> ofTeam =
                    activities.stream().filter(a -> a.team().equals(team)).toList();
            int answered = random.nextInt(3);
            signals.add(new Signal(
                    "GEN-S%02d".formatted(i + 1),
                    team,
                    date(random, false),
                    pick(random, SIGNAL_TYPES),
                    some(random, TARGET_GROUPS, random.nextInt(3)),
                    answered == 0 ? null : answered == 1,
                    chance(random, 50) ? "inw-%04d".formatted(1 + random.nextInt(RESIDENTS)) : null,
                    chance(random, 50) ? pick(random, ofTeam).key() : null));
        }
        return new DataSet("seed-" + seed, signals, activities, participations);
    }

    /** Mostly a day in 2025; sometimes a boundary, a day just outside, another year, or (activities) none. */
    private static LocalDate date(Random random, boolean mayBeMissing) {
        return switch (random.nextInt(20)) {
            case 0 -> LocalDate.of(2024, 12, 31);
            case 1 -> LocalDate.of(2026, 1, 1);
            case 2 -> LocalDate.of(2025, 1, 1);
            case 3 -> LocalDate.of(2025, 12, 31);
            case 4 -> LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28));
            case 5 -> mayBeMissing ? null : LocalDate.of(2025, 6, 1);
            default -> LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
        };
    }

    /** An amount with at most two decimals in [min, max] hundredths. */
    private static BigDecimal money(Random random, int min, int max) {
        return BigDecimal.valueOf(min + random.nextInt(max - min + 1), 2);
    }

    private static boolean chance(Random random, int percent) {
        return random.nextInt(100) < percent;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** {@code count} distinct values in random order. */
    private static <T> List<T> some(Random random, List<T> values, int count) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    // ---- the import file -----------------------------------------------------------------------------------------

    static ObjectNode importJson(DataSet data) {
        ObjectNode root = JSON.createObjectNode()
                .put("format", "meerwaarde-registrations")
                .put("version", 1);
        ArrayNode signals = root.putArray("signals");
        for (Signal s : data.signals()) {
            ObjectNode node = signals.addObject()
                    .put("key", s.key())
                    .put("team", s.team())
                    .put("registeredOn", s.registeredOn().toString())
                    .put("type", s.type());
            strings(node, "targetGroups", s.targetGroups());
            if (s.answered() != null) {
                node.put("answered", s.answered());
            }
            if (s.resident() != null) {
                node.put("resident", s.resident());
            }
            if (s.activityKey() != null) {
                node.put("activityKey", s.activityKey());
            }
        }
        ArrayNode activities = root.putArray("activities");
        for (Activity a : data.activities()) {
            ObjectNode node = activities
                    .addObject()
                    .put("key", a.key())
                    .put("team", a.team())
                    .put("title", "Activiteit " + a.key());
            strings(node, "targetGroups", a.targetGroups());
            if (a.funder() != null) {
                node.put("funder", a.funder());
            }
            if (a.startsOn() != null) {
                node.put("startsOn", a.startsOn().toString());
            }
            amounts(node, "budget", a.budgetHours(), a.budgetEuros());
            amounts(node, "actual", a.actualHours(), a.actualEuros());
            if (a.anonParticipants() != null) {
                node.putObject("anonymous")
                        .put("participants", a.anonParticipants())
                        .put("measured", a.anonMeasured())
                        .put("helped", a.anonHelped());
            }
            if (a.individualQuestions() != null) {
                node.put("individualQuestionsAnswered", a.individualQuestions());
            }
        }
        ArrayNode participations = root.putArray("participations");
        for (Participation p : data.participations()) {
            ObjectNode node = participations
                    .addObject()
                    .put("key", p.key())
                    .put("activityKey", p.activityKey())
                    .put("resident", p.resident());
            if (p.helped() != null) {
                ObjectNode measurement = node.putObject("measurement").put("helped", p.helped());
                if (p.grade() != null) {
                    measurement.put("grade", p.grade());
                }
                strings(measurement, "dimensions", p.dimensions());
                strings(measurement, "quotes", p.quotes());
            }
            strings(node, "referrals", p.referrals());
        }
        return root;
    }

    private static void strings(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }

    private static void amounts(ObjectNode node, String name, BigDecimal hours, BigDecimal euros) {
        if (hours == null && euros == null) {
            return;
        }
        ObjectNode amounts = node.putObject(name);
        if (hours != null) {
            amounts.put("hours", hours);
        }
        if (euros != null) {
            amounts.put("euros", euros);
        }
    }

    /** The engine over a fresh database of this kind holding exactly these records, imported once per test run. */
    private static synchronized KpiEngineComponent engine(Databases database, DataSet data) {
        String key = database + "/" + data.name();
        KpiEngineComponent engine = ENGINES.get(key);
        if (engine == null) {
            try {
                Path file = Files.createTempFile("kpi-" + data.name() + "-", ".json");
                file.toFile().deleteOnExit();
                JSON.writeValue(file.toFile(), importJson(data));
                DataSource dataSource = database == Databases.H2 ? freshH2() : database.create();
                GoldenData.load(dataSource, file);
                engine = new KpiEngineComponent(database.reporting(dataSource), LIBRARIES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ENGINES.put(key, engine);
        }
        return engine;
    }

    /**
     * A new H2 database with the schema: a copy of one migrated once, so that each data set pays only for the
     * importer's check that the schema is up to date, not for the whole migration.
     */
    private static DataSource freshH2() throws IOException {
        try {
            if (h2Template == null) {
                Path dir = Files.createTempDirectory("meerwaarde-kpi-template");
                dir.toFile().deleteOnExit();
                JdbcDataSource template = H2Databases.newFileDatabase(dir);
                SchemaMigration.migrate(template);
                try (Connection connection = template.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
                h2Template = dir;
            }
            Path dir = Files.createTempDirectory("meerwaarde-kpi-disjoint");
            dir.toFile().deleteOnExit();
            try (Stream<Path> files = Files.list(h2Template)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                    dir.resolve(file.getFileName()).toFile().deleteOnExit();
                }
            }
            return H2Databases.newFileDatabase(dir);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading results -----------------------------------------------------------------------------------------

    record Case(Databases database, long seed) {
        @Override
        public String toString() {
            return database + " seed " + seed;
        }

        DataSet data() {
            return generated(seed);
        }

        KpiEngineComponent engine() {
            return DisjointScopesTest.engine(database, data());
        }
    }

    /** Every seed on H2, the first one on PostgreSQL as well. */
    static Stream<Case> cases() {
        return Stream.concat(
                LongStream.of(SEEDS).mapToObj(seed -> new Case(Databases.H2, seed)),
                Stream.of(new Case(Databases.POSTGRESQL, SEEDS[0])));
    }

    /** The first three seeds: each costs two more databases, one per team. */
    static LongStream teamSeeds() {
        return LongStream.of(SEEDS).limit(3);
    }

    private static Map<String, KpiResult> compute(KpiEngineComponent engine, Scope scope, List<String> ids) {
        Map<String, KpiResult> results = new LinkedHashMap<>();
        for (KpiResult result : engine.compute(ids, scope, YEAR)) {
            results.put(result.kpiId(), result);
        }
        assertThat(results.keySet()).containsExactlyElementsOf(ids);
        return results;
    }

    private static Scope team(String team) {
        return new Scope.TeamScope(new TeamId(team));
    }

    private static KpiValue single(KpiResult result) {
        assertThat(result.values()).as(result.kpiId()).hasSize(1);
        assertThat(result.values().get(0).group()).as(result.kpiId()).isEmpty();
        return result.values().get(0);
    }

    /** The exact value of a figure; null for no value. */
    private static Exact value(KpiValue figure) {
        if (figure.value().isEmpty()) {
            assertThat(figure.exact()).isEmpty();
            return null;
        }
        return figure.exact()
                .map(DisjointScopesTest::exact)
                .orElse(Exact.of(figure.value().get()));
    }

    private static Exact orZero(Exact value) {
        return value == null ? Exact.ZERO : value;
    }

    /** A decimal or a fraction p/q, as the engine writes terms and exact values. */
    private static Exact exact(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Exact.of(new BigDecimal(text));
        }
        return new Exact(new BigInteger(text.substring(0, slash)), new BigInteger(text.substring(slash + 1)));
    }

    /** Numerator and denominator of a figure; both 0 when it has none (nothing to divide). */
    private static Exact[] terms(KpiValue figure) {
        return figure.terms()
                .map(terms -> new Exact[] {exact(terms.numerator()), exact(terms.denominator())})
                .orElse(new Exact[] {Exact.ZERO, Exact.ZERO});
    }

    private static Map<String, KpiValue> byGroup(KpiResult result) {
        Map<String, KpiValue> groups = new TreeMap<>();
        for (KpiValue value : result.values()) {
            assertThat(groups.put(value.group().orElseThrow(), value))
                    .as("%s group %s once", result.kpiId(), value.group())
                    .isNull();
        }
        return groups;
    }

    // ---- the teams partition the organisation --------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void additiveKpisAddUpExactlyOverTheTeams(Case c) {
        KpiEngineComponent engine = c.engine();
        Map<String, KpiResult> org = compute(engine, ORGANISATION, ALL);
        Map<String, KpiResult> ec = compute(engine, team(EC), ALL);
        Map<String, KpiResult> ce = compute(engine, team(CE), ALL);

        // counts and sums: value and n add up; a sum without values has no value, and 0 values add nothing
        for (String id : List.of("tinten-1", "tinten-20", "tinten-23")) {
            KpiValue whole = single(org.get(id));
            KpiValue first = single(ec.get(id));
            KpiValue second = single(ce.get(id));
            Exact expected = value(first) == null && value(second) == null
                    ? null
                    : orZero(value(first)).plus(orZero(value(second)));
            assertThat(value(whole)).as("%s %s value", c, id).isEqualTo(expected);
            assertThat(whole.n()).as("%s %s n", c, id).isEqualTo(first.n() + second.n());
        }

        // tinten-2, signals per type: every type's count adds up
        Map<String, KpiValue> types = byGroup(org.get("tinten-2"));
        Map<String, KpiValue> typesEc = byGroup(ec.get("tinten-2"));
        Map<String, KpiValue> typesCe = byGroup(ce.get("tinten-2"));
        assertThat(types.keySet()).as("%s tinten-2 groups", c).isEqualTo(union(typesEc.keySet(), typesCe.keySet()));
        types.forEach((type, whole) -> {
            assertThat(value(whole))
                    .as("%s tinten-2 %s", c, type)
                    .isEqualTo(orZero(Optional.ofNullable(typesEc.get(type))
                                    .map(DisjointScopesTest::value)
                                    .orElse(null))
                            .plus(orZero(Optional.ofNullable(typesCe.get(type))
                                    .map(DisjointScopesTest::value)
                                    .orElse(null))));
            assertThat(whole.n())
                    .as("%s tinten-2 %s n", c, type)
                    .isEqualTo(Optional.ofNullable(typesEc.get(type))
                                    .map(KpiValue::n)
                                    .orElse(0L)
                            + Optional.ofNullable(typesCe.get(type))
                                    .map(KpiValue::n)
                                    .orElse(0L));
        });

        // per activity (tinten-12, tinten-22): each activity is in one team, with the same figure there
        for (String id : List.of("tinten-12", "tinten-22")) {
            Map<String, KpiValue> whole = byGroup(org.get(id));
            Map<String, KpiValue> first = byGroup(ec.get(id));
            Map<String, KpiValue> second = byGroup(ce.get(id));
            assertThat(first.keySet())
                    .as("%s %s teams share no activity", c, id)
                    .doesNotContainAnyElementsOf(second.keySet());
            Map<String, KpiValue> both = new TreeMap<>(first);
            both.putAll(second);
            assertThat(whole).as("%s %s", c, id).isEqualTo(both);
            assertThat(whole.keySet())
                    .as("%s %s: every activity in the period", c, id)
                    .isEqualTo(c.data().activities().stream()
                            .filter(Activity::inPeriod)
                            .map(Activity::id)
                            .collect(Collectors.toSet()));
        }

        // ratios and means: numerator and denominator add up (KPI 5: participations per activity; 8, 10: means of
        // hours and euros; 9, 11: realisation of the budget; 14: the mean grade)
        for (String id : List.of("tinten-5", "tinten-8", "tinten-9", "tinten-10", "tinten-11", "tinten-14")) {
            Exact[] whole = terms(single(org.get(id)));
            Exact[] first = terms(single(ec.get(id)));
            Exact[] second = terms(single(ce.get(id)));
            assertThat(whole[0]).as("%s %s numerator", c, id).isEqualTo(first[0].plus(second[0]));
            assertThat(whole[1]).as("%s %s denominator", c, id).isEqualTo(first[1].plus(second[1]));
        }

        // the anonymous counts of the people KPIs add up as well, overall and per target group
        for (String id : List.of("tinten-4", "tinten-16")) {
            assertThat(single(org.get(id)).composition().orElseThrow().anonymous())
                    .as("%s %s anonymous", c, id)
                    .isEqualTo(single(ec.get(id)).composition().orElseThrow().anonymous()
                            + single(ce.get(id)).composition().orElseThrow().anonymous());
        }
        for (String id : List.of("tinten-3", "tinten-18")) {
            Map<String, KpiValue> whole = byGroup(org.get(id));
            Map<String, KpiValue> first = byGroup(ec.get(id));
            Map<String, KpiValue> second = byGroup(ce.get(id));
            assertThat(whole.keySet()).as("%s %s groups", c, id).isEqualTo(union(first.keySet(), second.keySet()));
            whole.forEach((group, figure) -> assertThat(anonymous(figure))
                    .as("%s %s %s anonymous", c, id, group)
                    .isEqualTo(anonymous(first.get(group)) + anonymous(second.get(group))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void distinctResidentsOfTheOrganisationLieBetweenTheLargestTeamAndTheSum(Case c) {
        KpiEngineComponent engine = c.engine();
        List<String> ids = List.of("tinten-3", "tinten-4", "tinten-6", "tinten-7", "tinten-16", "tinten-18");
        Map<String, KpiResult> org = compute(engine, ORGANISATION, ids);
        Map<String, KpiResult> ec = compute(engine, team(EC), ids);
        Map<String, KpiResult> ce = compute(engine, team(CE), ids);

        for (String id : List.of("tinten-4", "tinten-6", "tinten-16")) {
            assertBetween(
                    c + " " + id, value(single(org.get(id))), value(single(ec.get(id))), value(single(ce.get(id))));
            if (!id.equals("tinten-6")) {
                assertBetween(
                        c + " " + id + " known",
                        Exact.of(single(org.get(id)).composition().orElseThrow().known()),
                        Exact.of(single(ec.get(id)).composition().orElseThrow().known()),
                        Exact.of(single(ce.get(id)).composition().orElseThrow().known()));
            }
        }
        // per target group and per partner
        for (String id : List.of("tinten-3", "tinten-7", "tinten-18")) {
            Map<String, KpiValue> whole = byGroup(org.get(id));
            Map<String, KpiValue> first = byGroup(ec.get(id));
            Map<String, KpiValue> second = byGroup(ce.get(id));
            assertThat(whole.keySet()).as("%s %s groups", c, id).isEqualTo(union(first.keySet(), second.keySet()));
            whole.forEach((group, figure) -> assertBetween(
                    c + " " + id + " " + group,
                    value(figure),
                    Optional.ofNullable(first.get(group))
                            .map(DisjointScopesTest::value)
                            .orElse(null),
                    Optional.ofNullable(second.get(group))
                            .map(DisjointScopesTest::value)
                            .orElse(null)));
        }

        // and the organisation's figures are the distinct residents counted by hand
        DataSet data = c.data();
        assertThat(single(org.get("tinten-4")).composition())
                .as("%s tinten-4", c)
                .contains(new KpiValue.Composition(
                        residents(data, a -> true, p -> true), anonymous(data, a -> true, Activity::anonParticipants)));
        assertThat(value(single(org.get("tinten-6"))))
                .as("%s tinten-6", c)
                .isEqualTo(
                        Exact.of(residents(data, a -> true, p -> !p.referrals().isEmpty())));
        assertThat(single(org.get("tinten-16")).composition())
                .as("%s tinten-16", c)
                .contains(new KpiValue.Composition(
                        residents(data, a -> true, p -> Boolean.TRUE.equals(p.helped())),
                        anonymous(data, a -> true, Activity::anonHelped)));
    }

    /** max(first, second) ≤ whole ≤ first + second, where no value counts as 0. */
    private static void assertBetween(String what, Exact whole, Exact first, Exact second) {
        Exact a = orZero(first);
        Exact b = orZero(second);
        assertThat(orZero(whole))
                .as(what + " at least the larger team")
                .isGreaterThanOrEqualTo(a.compareTo(b) >= 0 ? a : b);
        assertThat(orZero(whole)).as(what + " at most the sum of the teams").isLessThanOrEqualTo(a.plus(b));
    }

    @ParameterizedTest(name = "H2 seed {0}")
    @MethodSource("teamSeeds")
    void eachTeamComputesAsTheOrganisationOfItsOwnRecords(long seed) {
        DataSet data = generated(seed);
        KpiEngineComponent whole = engine(Databases.H2, data);
        for (String team : TEAMS) {
            Map<String, KpiResult> asTeam = compute(whole, team(team), ALL);
            Map<String, KpiResult> alone = compute(engine(Databases.H2, data.only(team)), ORGANISATION, ALL);
            for (String id : ALL) {
                assertThat(asTeam.get(id).values())
                        .as("seed %d %s %s", seed, team, id)
                        .isEqualTo(alone.get(id).values());
            }
        }
    }

    // ---- activities ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theActivitiesAddUpToTheOrganisation(Case c) {
        KpiEngineComponent engine = c.engine();
        List<String> ids = List.of("tinten-1", "tinten-5", "tinten-23");
        Map<String, KpiResult> org = compute(engine, ORGANISATION, ids);

        Exact participants = Exact.ZERO;
        Exact activities = Exact.ZERO;
        Exact questions = Exact.ZERO;
        for (Activity activity : c.data().activities()) {
            Map<String, KpiResult> one = compute(engine, activity.scope(), ids);
            Exact[] terms = terms(single(one.get("tinten-5")));
            participants = participants.plus(terms[0]);
            activities = activities.plus(terms[1]);
            questions = questions.plus(orZero(value(single(one.get("tinten-23")))));

            // by hand: the activity's own participations and anonymous count, when it is in the period
            long known = c.data().participations().stream()
                    .filter(p -> p.activityKey().equals(activity.key()))
                    .count();
            long anonymous = Objects.requireNonNullElse(activity.anonParticipants(), 0);
            assertThat(single(one.get("tinten-5")).terms())
                    .as("%s %s tinten-5", c, activity.key())
                    .isEqualTo(
                            activity.inPeriod()
                                    ? Optional.of(new KpiValue.Terms(String.valueOf(known + anonymous), "1"))
                                    : Optional.empty());
            assertThat(value(single(one.get("tinten-23"))))
                    .as("%s %s tinten-23", c, activity.key())
                    .isEqualTo(
                            activity.inPeriod() && activity.individualQuestions() != null
                                    ? Exact.of(activity.individualQuestions())
                                    : null);
            // the signals clustered onto the activity, registered in the period
            assertThat(value(single(one.get("tinten-1"))))
                    .as("%s %s tinten-1", c, activity.key())
                    .isEqualTo(Exact.of(c.data().signals().stream()
                            .filter(s -> activity.key().equals(s.activityKey()) && YEAR.contains(s.registeredOn()))
                            .count()));
        }
        Exact[] whole = terms(single(org.get("tinten-5")));
        assertThat(participants)
                .as("%s tinten-5 numerator over the activities", c)
                .isEqualTo(whole[0]);
        assertThat(activities)
                .as("%s tinten-5 denominator over the activities", c)
                .isEqualTo(whole[1]);
        assertThat(questions)
                .as("%s tinten-23 over the activities", c)
                .isEqualTo(orZero(value(single(org.get("tinten-23")))));
    }

    // ---- every scope against a count by hand ---------------------------------------------------------------------

    /** A scope and which generated records belong to it. */
    record HandScope(String name, Scope scope, Predicate<Activity> activities, Predicate<Signal> signals) {}

    private static List<HandScope> handScopes(DataSet data) {
        List<HandScope> scopes = new ArrayList<>();
        scopes.add(new HandScope("organisation", ORGANISATION, a -> true, s -> true));
        for (String team : TEAMS) {
            scopes.add(new HandScope(
                    team, team(team), a -> a.team().equals(team), s -> s.team().equals(team)));
        }
        for (String funder : List.of(FUNDER, "gemeente-coevorden")) {
            scopes.add(new HandScope(
                    funder,
                    new Scope.FunderScope(new FunderId(funder)),
                    a -> funder.equals(a.funder()),
                    s -> s.activityKey() != null
                            && funder.equals(data.activity(s.activityKey()).funder())));
        }
        for (String group : Stream.concat(TARGET_GROUPS.stream(), Stream.of("statushouders"))
                .toList()) {
            scopes.add(new HandScope(
                    group,
                    new Scope.TargetGroupScope(group),
                    a -> a.targetGroups().contains(group),
                    s -> s.targetGroups().contains(group)));
        }
        return scopes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyScopeMatchesACountByHand(Case c) {
        DataSet data = c.data();
        List<String> ids = List.of("tinten-1", "tinten-4", "tinten-5", "tinten-20", "tinten-23");
        for (HandScope scope : handScopes(data)) {
            Map<String, KpiResult> results = compute(c.engine(), scope.scope(), ids);
            String what = c + " " + scope.name() + " ";

            List<Signal> signals = data.signals().stream()
                    .filter(s -> YEAR.contains(s.registeredOn()))
                    .filter(scope.signals())
                    .toList();
            assertThat(single(results.get("tinten-1")))
                    .as(what + "tinten-1")
                    .extracting(DisjointScopesTest::value, KpiValue::n)
                    .containsExactly(Exact.of(signals.size()), (long) signals.size());
            long answered = signals.stream()
                    .filter(s -> Boolean.TRUE.equals(s.answered()))
                    .count();
            assertThat(single(results.get("tinten-20")))
                    .as(what + "tinten-20")
                    .extracting(DisjointScopesTest::value, KpiValue::n)
                    .containsExactly(Exact.of(answered), answered);

            List<Activity> activities = data.activities().stream()
                    .filter(Activity::inPeriod)
                    .filter(scope.activities())
                    .toList();
            List<Integer> questions = activities.stream()
                    .map(Activity::individualQuestions)
                    .filter(Objects::nonNull)
                    .toList();
            assertThat(single(results.get("tinten-23")))
                    .as(what + "tinten-23")
                    .extracting(DisjointScopesTest::value, KpiValue::n)
                    .containsExactly(
                            questions.isEmpty()
                                    ? null
                                    : Exact.of(questions.stream()
                                            .mapToLong(Integer::longValue)
                                            .sum()),
                            (long) questions.size());

            long known = residents(data, scope.activities(), p -> true);
            long anonymous = anonymous(data, scope.activities(), Activity::anonParticipants);
            KpiValue four = single(results.get("tinten-4"));
            assertThat(four.composition()).as(what + "tinten-4").contains(new KpiValue.Composition(known, anonymous));
            assertThat(value(four)).as(what + "tinten-4").isEqualTo(Exact.of(known + anonymous));

            Set<String> keys = activities.stream().map(Activity::key).collect(Collectors.toSet());
            long participations = data.participations().stream()
                    .filter(p -> keys.contains(p.activityKey()))
                    .count();
            assertThat(single(results.get("tinten-5")).terms())
                    .as(what + "tinten-5")
                    .isEqualTo(
                            activities.isEmpty()
                                    ? Optional.empty()
                                    : Optional.of(new KpiValue.Terms(
                                            String.valueOf(participations + anonymous),
                                            String.valueOf(activities.size()))));
        }
    }

    /** Distinct known residents of the participations that meet {@code which}, in activities of the period. */
    private static long residents(DataSet data, Predicate<Activity> activities, Predicate<Participation> which) {
        Set<String> keys = data.activities().stream()
                .filter(Activity::inPeriod)
                .filter(activities)
                .map(Activity::key)
                .collect(Collectors.toSet());
        return data.participations().stream()
                .filter(p -> keys.contains(p.activityKey()))
                .filter(which)
                .map(Participation::resident)
                .distinct()
                .count();
    }

    /** An anonymous count summed over the activities of the period that meet {@code activities}. */
    private static long anonymous(
            DataSet data, Predicate<Activity> activities, java.util.function.Function<Activity, Integer> count) {
        return data.activities().stream()
                .filter(Activity::inPeriod)
                .filter(activities)
                .map(count)
                .filter(Objects::nonNull)
                .mapToLong(Integer::longValue)
                .sum();
    }

    private static long anonymous(KpiValue figure) {
        return figure == null
                ? 0
                : figure.composition().map(KpiValue.Composition::anonymous).orElse(0L);
    }

    // ---- the two databases ---------------------------------------------------------------------------------------

    @Test
    void postgresqlGivesTheSameFiguresAsH2() {
        DataSet data = generated(SEEDS[0]);
        KpiEngineComponent h2 = engine(Databases.H2, data);
        KpiEngineComponent postgres = engine(Databases.POSTGRESQL, data);
        for (HandScope scope : handScopes(data)) {
            Map<String, KpiResult> expected = compute(h2, scope.scope(), ALL);
            Map<String, KpiResult> actual = compute(postgres, scope.scope(), ALL);
            for (String id : ALL) {
                assertThat(comparable(actual.get(id)))
                        .as("%s %s", scope.name(), id)
                        .isEqualTo(comparable(expected.get(id)));
            }
        }
    }

    /** The values with their quotes sorted: the order of quotes with equal dates may differ between databases. */
    private static List<KpiValue> comparable(KpiResult result) {
        return result.values().stream()
                .map(v -> new KpiValue(
                        v.group(),
                        v.value(),
                        v.exact(),
                        v.n(),
                        v.terms(),
                        v.composition(),
                        v.quotes().stream().sorted().toList()))
                .toList();
    }

    // ---- the generated data are worth testing --------------------------------------------------------------------

    @Test
    void theGeneratedDataHoldTheCasesThePropertiesAreAbout() {
        List<DataSet> all =
                LongStream.of(SEEDS).mapToObj(DisjointScopesTest::generated).toList();
        assertThat(generate(SEEDS[0])).as("reproducible").isEqualTo(generated(SEEDS[0]));

        for (DataSet data : all) {
            assertThat(data.activities()).extracting(Activity::team).contains(EC, CE);
            assertThat(data.participations()).isNotEmpty();
            assertThat(data.signals()).isNotEmpty();
        }
        List<Activity> activities =
                all.stream().flatMap(d -> d.activities().stream()).toList();
        assertThat(activities).anyMatch(a -> a.startsOn() == null);
        assertThat(activities).anyMatch(a -> a.startsOn() != null && !a.inPeriod());
        assertThat(activities).anyMatch(a -> a.inPeriod() && a.anonParticipants() != null);
        assertThat(activities).anyMatch(a -> a.inPeriod() && a.targetGroups().size() == 2);
        assertThat(activities).anyMatch(a -> a.inPeriod() && a.funder() == null);
        assertThat(activities).anyMatch(a -> a.inPeriod() && a.budgetHours() == null && a.actualHours() != null);
        assertThat(activities).anyMatch(a -> a.inPeriod() && a.individualQuestions() == null);
        List<Signal> signals = all.stream().flatMap(d -> d.signals().stream()).toList();
        assertThat(signals).anyMatch(s -> !YEAR.contains(s.registeredOn()));
        assertThat(signals).anyMatch(s -> s.answered() == null);
        assertThat(signals).anyMatch(s -> s.activityKey() != null);
        assertThat(signals).anyMatch(s -> s.targetGroups().isEmpty());

        // residents in both teams in the period make the organisation's distinct count smaller than the sum
        assertThat(all)
                .anyMatch(data -> residents(data, a -> true, p -> true)
                        < residents(data, a -> a.team().equals(EC), p -> true)
                                + residents(data, a -> a.team().equals(CE), p -> true));
        assertThat(all)
                .anyMatch(data -> residents(data, a -> true, p -> !p.referrals().isEmpty())
                        < residents(data, a -> a.team().equals(EC), p -> !p.referrals()
                                        .isEmpty())
                                + residents(data, a -> a.team().equals(CE), p -> !p.referrals()
                                        .isEmpty()));
        List<Participation> participations =
                all.stream().flatMap(d -> d.participations().stream()).toList();
        assertThat(participations).anyMatch(p -> p.helped() == null);
        assertThat(participations).anyMatch(p -> Boolean.FALSE.equals(p.helped()));
        assertThat(participations).anyMatch(p -> p.helped() != null && p.grade() == null);
        assertThat(participations).anyMatch(p -> !p.quotes().isEmpty());
        assertThat(participations).anyMatch(p -> p.dimensions().size() > 1);
    }

    private static <T> Set<T> union(Set<T> first, Set<T> second) {
        Set<T> union = new HashSet<>(first);
        union.addAll(second);
        return union;
    }
}
