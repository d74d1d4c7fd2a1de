package nl.meerwaarde.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.store.internal.JdbcAuditTrail;
import nl.meerwaarde.store.internal.JdbcRegistrationBatch;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.SchemaMigration;
import nl.meerwaarde.testsupport.H2Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden KPI data set of {@code docs/kpi-golden.md} (issue 4): {@code docs/examples/kpi-golden.json} is valid
 * against the import schema and imports whole into a real (H2) store, and a handful of the expected figures in
 * {@code docs/examples/kpi-golden-expected.json} (KPIs 1, 4, 5, 8, 9, 14, 15, 16, 17, 21) are recomputed here in
 * plain Java over the parsed file (not the store), so that the data and the expectations cannot silently disagree.
 * Every figure of the expected file is also checked against itself: its rounded value against its exact fraction,
 * and a ratio or mean against its numerator and denominator.
 */
class KpiGoldenDataTest {
    private static final Path DOCS = Path.of("../../docs");
    private static final Path DATA = DOCS.resolve("examples/kpi-golden.json");
    private static final Path EXPECTED = DOCS.resolve("examples/kpi-golden-expected.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Decimals of a value that is given with its exact fraction. */
    private static final int ROUNDED_SCALE = 10;

    @TempDir
    Path dir;

    @Test
    void theGoldenDataIsValidAgainstTheSchema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema schema = registry.getSchema(
                Files.readString(DOCS.resolve("import-registrations.schema.json")), InputFormat.JSON);

        List<Error> errors = schema.validate(Files.readString(DATA), InputFormat.JSON);

        assertThat(errors).isEmpty();
    }

    @Test
    void theGoldenDataImportsWholeIntoARealStore() throws IOException, SQLException {
        DataSource dataSource = H2Databases.newFileDatabase(dir);
        SchemaMigration.migrate(dataSource);
        MigratedDatabase database = new MigratedDatabase(dataSource);
        Fakes.Host host = Fakes.Host.demo();
        RegistrationImporter importer = new RegistrationImporter(
                new JdbcRegistrationBatch(database),
                host,
                host,
                new JdbcAuditTrail(database),
                Limits.DEFAULT,
                Fakes.CLOCK);
        JsonNode data = JSON.readTree(DATA.toFile());
        int signals = data.path("signals").size();
        int activities = data.path("activities").size();
        int participations = data.path("participations").size();
        int records = signals + activities + participations;

        ImportReport report;
        try (InputStream json = Files.newInputStream(DATA)) {
            report = importer.importJson(json, ImportOptions.allTeams("command:kpi-golden"));
        }

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report).isEqualTo(new ImportReport(true, records, records, 0, 0, List.of(), 0));
        assertThat(rowCount(dataSource, "mw_signal")).isEqualTo(signals);
        assertThat(rowCount(dataSource, "mw_activity")).isEqualTo(activities);
        assertThat(rowCount(dataSource, "mw_participation")).isEqualTo(participations);
        assertThat(rowCount(dataSource, "mw_participation_dimension")).isEqualTo(measurementItems(data, "dimensions"));
        assertThat(rowCount(dataSource, "mw_participation_quote")).isEqualTo(measurementItems(data, "quotes"));
        assertThat(rowCount(dataSource, "mw_participation_referral"))
                .isEqualTo(elements(data.path("participations"))
                        .mapToInt(p -> p.path("referrals").size())
                        .sum());
    }

    static Stream<Arguments> blocks() throws IOException {
        List<Arguments> blocks = new ArrayList<>();
        for (JsonNode block : JSON.readTree(EXPECTED.toFile()).path("blocks")) {
            JsonNode scope = block.path("scope");
            String team = scope.path("kind").asText().equals("team")
                    ? scope.path("team").asText()
                    : null;
            blocks.add(Arguments.of(scope.path("kind").asText() + (team == null ? "" : " " + team), team, block));
        }
        return blocks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void theRecomputedFiguresEqualTheExpectedOnes(String name, String team, JsonNode block) throws IOException {
        Golden golden = new Golden(
                JSON.readTree(DATA.toFile()),
                team,
                block.path("period").path("from").asText(),
                block.path("period").path("to").asText());
        JsonNode kpis = block.path("kpis");

        // 1: signals registered
        assertFigure(kpis, "1", Fraction.of(golden.signals.size()), golden.signals.size());

        // 4: distinct known residents with a participation, plus the anonymous participant counts
        int known = golden.residents(p -> true).size();
        int anonymous = golden.anonymousSum("participants");
        assertFigure(kpis, "4", Fraction.of(known + anonymous), known + anonymous);
        assertThat(kpis.path("4").path("known").asInt()).as("KPI 4 known").isEqualTo(known);
        assertThat(kpis.path("4").path("anonymous").asInt())
                .as("KPI 4 anonymous")
                .isEqualTo(anonymous);

        // 5: (known participations + anonymous participants) / activities in the period
        int activities = golden.activities.size();
        assertFigure(
                kpis,
                "5",
                activities == 0 ? null : Fraction.of(golden.participations.size() + anonymous, activities),
                activities);

        // 8: mean actual hours; 9: 100 x sum actual hours / sum budgeted hours over activities with both
        List<BigDecimal> actualHours = golden.amounts("actual", "hours", a -> true);
        assertFigure(kpis, "8", mean(actualHours), actualHours.size());
        Predicate<JsonNode> budgeted = a -> a.path("budget").has("hours");
        List<BigDecimal> actualBudgeted = golden.amounts("actual", "hours", budgeted);
        List<BigDecimal> budgetActual =
                golden.amounts("budget", "hours", a -> a.path("actual").has("hours"));
        assertFigure(kpis, "9", percent(sum(actualBudgeted), sum(budgetActual)), actualBudgeted.size());

        // 14: mean of every grade
        List<BigDecimal> grades = golden.participations.stream()
                .filter(p -> p.path("measurement").has("grade"))
                .map(p -> BigDecimal.valueOf(p.path("measurement").path("grade").asInt()))
                .toList();
        assertFigure(kpis, "14", mean(grades), grades.size());

        // 15: per dimension, 100 x distinct residents who reported it / distinct measured residents; the quotes
        Set<String> measured = golden.residents(p -> p.has("measurement"));
        JsonNode dimensions = kpis.path("15").path("values");
        assertThat(dimensions.size()).as("KPI 15 dimensions").isEqualTo(3);
        for (Map.Entry<String, JsonNode> dimension : dimensions.properties()) {
            Predicate<JsonNode> reported = p -> elements(p.path("measurement").path("dimensions"))
                    .anyMatch(code -> code.asText().equals(dimension.getKey()));
            assertFigure(
                    "KPI 15 " + dimension.getKey(),
                    dimension.getValue(),
                    measured.isEmpty()
                            ? null
                            : Fraction.of(100L * golden.residents(reported).size(), measured.size()),
                    measured.size());
            List<String> quotes = golden.participations.stream()
                    .filter(reported)
                    .flatMap(p -> elements(p.path("measurement").path("quotes"))
                            .map(quote -> p.path("key").asText() + ": " + quote.asText()))
                    .toList();
            assertThat(elements(dimension.getValue().path("quotes"))
                            .map(q -> q.path("participation").asText() + ": "
                                    + q.path("text").asText()))
                    .as("KPI 15 %s quotes", dimension.getKey())
                    .containsExactlyInAnyOrderElementsOf(quotes);
        }

        // 16: distinct known residents marked helped at least once, plus the anonymous helped counts
        int helped = golden.residents(p -> p.path("measurement").path("helped").asBoolean(false))
                        .size()
                + golden.anonymousSum("helped");
        assertFigure(kpis, "16", Fraction.of(helped), helped);

        // 17: 100 x KPI 16 / (distinct measured known residents + anonymous measured counts)
        int measuredAll = measured.size() + golden.anonymousSum("measured");
        assertFigure(kpis, "17", measuredAll == 0 ? null : Fraction.of(100L * helped, measuredAll), measuredAll);

        // 21: 100 x answered signals / signals
        long answered = golden.signals.stream()
                .filter(s -> s.path("answered").asBoolean(false))
                .count();
        assertFigure(
                kpis,
                "21",
                golden.signals.isEmpty() ? null : Fraction.of(100L * answered, golden.signals.size()),
                golden.signals.size());
    }

    /** Every figure of the expected file: a rounded value matches its exact fraction, a ratio its two terms. */
    @Test
    void everyExpectedFigureIsConsistentInItself() throws IOException {
        int figures = 0;
        for (JsonNode block : JSON.readTree(EXPECTED.toFile()).path("blocks")) {
            for (Map.Entry<String, JsonNode> kpi : block.path("kpis").properties()) {
                boolean percent = kpi.getValue().path("unit").asText().equals("percent");
                List<JsonNode> parts = kpi.getValue().has("values")
                        ? elements(kpi.getValue().path("values")).toList()
                        : List.of(kpi.getValue());
                for (JsonNode figure : parts) {
                    String what = block.path("scope") + " KPI " + kpi.getKey() + " " + figure;
                    assertThat(figure.has("value") && figure.has("n")).as(what).isTrue();
                    assertThat(figure.path("n").isInt() && figure.path("n").asInt() >= 0)
                            .as(what)
                            .isTrue();
                    if (figure.path("value").isNull()) {
                        assertThat(figure.has("exact")).as(what).isFalse();
                        continue;
                    }
                    Fraction value = expected(figure);
                    if (figure.has("exact")) {
                        assertThat(new BigDecimal(figure.path("value").asText()))
                                .as(what)
                                .isEqualByComparingTo(value.rounded(ROUNDED_SCALE));
                        assertThat(value.terminates()).as(what).isFalse();
                    }
                    if (figure.has("numerator")) {
                        Fraction ratio = Fraction.parse(figure.path("numerator").asText())
                                .divide(Fraction.parse(
                                        figure.path("denominator").asText()));
                        assertThat(value).as(what).isEqualTo(percent ? ratio.multiply(Fraction.of(100)) : ratio);
                    }
                    if (figure.has("known")) {
                        assertThat(value)
                                .as(what)
                                .isEqualTo(Fraction.of(figure.path("known").asInt()
                                        + figure.path("anonymous").asInt()));
                    }
                    figures++;
                }
            }
            assertThat(block.path("kpis").size()).isGreaterThanOrEqualTo(6);
        }
        assertThat(figures).isGreaterThan(50);
    }

    /** The records of the golden file in one scope (a team, or all) and period. */
    private static final class Golden {
        final List<JsonNode> signals;
        final List<JsonNode> activities;
        final List<JsonNode> participations;

        Golden(JsonNode data, String team, String from, String to) {
            Predicate<JsonNode> inScope =
                    r -> team == null || r.path("team").asText().equals(team);
            // ISO dates compare as texts; an activity without a start date belongs to no period
            Predicate<String> inPeriod =
                    date -> !date.isEmpty() && date.compareTo(from) >= 0 && date.compareTo(to) <= 0;
            this.signals = elements(data.path("signals"))
                    .filter(inScope)
                    .filter(s -> inPeriod.test(s.path("registeredOn").asText("")))
                    .toList();
            this.activities = elements(data.path("activities"))
                    .filter(inScope)
                    .filter(a -> inPeriod.test(a.path("startsOn").asText("")))
                    .toList();
            Set<String> keys = new HashSet<>();
            activities.forEach(a -> keys.add(a.path("key").asText()));
            this.participations = elements(data.path("participations"))
                    .filter(p -> keys.contains(p.path("activityKey").asText()))
                    .toList();
        }

        /** Distinct known residents with at least one participation that passes the test. */
        Set<String> residents(Predicate<JsonNode> participation) {
            Set<String> residents = new HashSet<>();
            participations.stream()
                    .filter(participation)
                    .forEach(p -> residents.add(p.path("resident").asText()));
            return residents;
        }

        int anonymousSum(String field) {
            return activities.stream()
                    .mapToInt(a -> a.path("anonymous").path(field).asInt(0))
                    .sum();
        }

        /** The registered amounts ({@code budget}/{@code actual}, {@code hours}/{@code euros}) of the activities. */
        List<BigDecimal> amounts(String investment, String field, Predicate<JsonNode> activity) {
            return activities.stream()
                    .filter(activity)
                    .filter(a -> a.path(investment).has(field))
                    .map(a -> a.path(investment).path(field).decimalValue())
                    .toList();
        }
    }

    private static void assertFigure(JsonNode kpis, String kpi, Fraction value, int n) {
        assertFigure("KPI " + kpi, kpis.path(kpi), value, n);
    }

    private static void assertFigure(String what, JsonNode figure, Fraction value, int n) {
        assertThat(figure.isMissingNode()).as(what + " in the expected file").isFalse();
        assertThat(figure.path("n").asInt(-1)).as(what + " n").isEqualTo(n);
        if (value == null) {
            assertThat(figure.path("value").isNull()).as(what + " has no value").isTrue();
        } else {
            assertThat(expected(figure))
                    .as(what + " value in the expected file (expected: as recomputed)")
                    .isEqualTo(value);
        }
    }

    /** The exact value of an expected figure: its fraction when given, otherwise its (terminating) decimal. */
    private static Fraction expected(JsonNode figure) {
        return Fraction.parse(
                figure.has("exact")
                        ? figure.path("exact").asText()
                        : figure.path("value").asText());
    }

    private static Fraction mean(List<BigDecimal> values) {
        return values.isEmpty() ? null : Fraction.of(sum(values), BigDecimal.valueOf(values.size()));
    }

    private static Fraction percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : Fraction.of(part.multiply(BigDecimal.valueOf(100)), whole);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static int measurementItems(JsonNode data, String field) {
        return elements(data.path("participations"))
                .mapToInt(p -> p.path("measurement").path(field).size())
                .sum();
    }

    private static Stream<JsonNode> elements(JsonNode node) {
        return StreamSupport.stream(node.spliterator(), false);
    }

    private static int rowCount(DataSource dataSource, String table) throws SQLException {
        // The table names are constants of this test, never input.
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** An exact rational number in lowest terms with a positive denominator. */
    private record Fraction(BigInteger numerator, BigInteger denominator) {
        Fraction {
            if (denominator.signum() == 0) {
                throw new ArithmeticException("zero denominator");
            }
            if (denominator.signum() < 0) {
                numerator = numerator.negate();
                denominator = denominator.negate();
            }
            BigInteger gcd = numerator.gcd(denominator);
            if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
                numerator = numerator.divide(gcd);
                denominator = denominator.divide(gcd);
            }
        }

        static Fraction of(long value) {
            return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
        }

        static Fraction of(long numerator, long denominator) {
            return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }

        static Fraction of(BigDecimal numerator, BigDecimal denominator) {
            int scale = Math.max(0, Math.max(numerator.scale(), denominator.scale()));
            return new Fraction(
                    numerator.movePointRight(scale).toBigIntegerExact(),
                    denominator.movePointRight(scale).toBigIntegerExact());
        }

        /** {@code 22/3}, or a decimal such as {@code 7.375}. */
        static Fraction parse(String text) {
            int slash = text.indexOf('/');
            return slash < 0
                    ? of(new BigDecimal(text), BigDecimal.ONE)
                    : new Fraction(new BigInteger(text.substring(0, slash)), new BigInteger(text.substring(slash + 1)));
        }

        Fraction multiply(Fraction other) {
            return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
        }

        Fraction divide(Fraction other) {
            return new Fraction(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
        }

        BigDecimal rounded(int scale) {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
        }

        /** Whether the value is a terminating decimal (its denominator has no prime factor but 2 and 5). */
        boolean terminates() {
            BigInteger rest = denominator;
            for (BigInteger prime : List.of(BigInteger.TWO, BigInteger.valueOf(5))) {
                while (rest.mod(prime).signum() == 0) {
                    rest = rest.divide(prime);
                }
            }
            return rest.equals(BigInteger.ONE);
        }
    }
}
