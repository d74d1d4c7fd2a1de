package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.importing.RegistrationKeys;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.importer.internal.GoldenData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against the golden data set (docs/kpi-golden.md): every figure of the 23 Tinten KPIs, for the
 * organisation and a team, on H2 and on PostgreSQL — value (exactly), n, terms, known and anonymous parts, groups and
 * quotes.
 */
class KpiEngineGoldenTest {
    private static final Path DOCS = Path.of("../../docs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Databases, KpiEngineComponent> ENGINES = new EnumMap<>(Databases.class);
    private static JsonNode expected;
    private static JsonNode data;

    @BeforeAll
    static void loadGoldenData() throws IOException {
        expected =
                JSON.readTree(DOCS.resolve("examples/kpi-golden-expected.json").toFile());
        data = JSON.readTree(DOCS.resolve("examples/kpi-golden.json").toFile());
        for (Databases database : Databases.values()) {
            DataSource dataSource = database.create();
            GoldenData.load(dataSource, DOCS.resolve("examples/kpi-golden.json"));
            ENGINES.put(database, new KpiEngineComponent(database.reporting(dataSource), KpiEngineComponent.shipped()));
        }
    }

    static Stream<Arguments> blocks() throws IOException {
        JsonNode blocks = new ObjectMapper()
                .readTree(DOCS.resolve("examples/kpi-golden-expected.json").toFile())
                .get("blocks");
        return Stream.of(Databases.values()).flatMap(database -> IntStream.range(0, blocks.size())
                .mapToObj(i ->
                        Arguments.of(database, i, blocks.get(i).path("scope").toString())));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("blocks")
    void everyFigureOfTheGoldenDataSet(Databases database, int index, String scopeText) {
        JsonNode block = expected.get("blocks").get(index);
        JsonNode kpis = block.get("kpis");
        List<String> ids = new ArrayList<>();
        kpis.fieldNames().forEachRemaining(number -> ids.add("tinten-" + number));

        List<KpiResult> results =
                ENGINES.get(database).compute(ids, scope(block.get("scope")), period(block.get("period")));

        assertThat(results).extracting(KpiResult::kpiId).containsExactlyElementsOf(ids);
        Map<String, String> activityKeys = activityKeys();
        for (KpiResult result : results) {
            JsonNode kpi = kpis.get(result.kpiId().substring("tinten-".length()));
            String what = database + " " + scopeText + " " + result.kpiId();
            if (kpi.has("values")) {
                Map<String, KpiValue> byGroup = new HashMap<>();
                for (KpiValue value : result.values()) {
                    String group = value.group().orElseThrow();
                    byGroup.put(activityKeys.getOrDefault(group, group), value);
                }
                assertThat(byGroup.keySet())
                        .as(what + " groups")
                        .containsExactlyInAnyOrderElementsOf(names(kpi.get("values")));
                kpi.get("values")
                        .fields()
                        .forEachRemaining(entry -> assertFigure(
                                what + " " + entry.getKey(), entry.getValue(), byGroup.get(entry.getKey())));
            } else {
                assertThat(result.values()).as(what).hasSize(1);
                assertThat(result.values().get(0).group()).as(what).isEmpty();
                assertFigure(what, kpi, result.values().get(0));
            }
        }
    }

    private static void assertFigure(String what, JsonNode expected, KpiValue actual) {
        assertThat(actual.n()).as(what + " n").isEqualTo(expected.get("n").asLong());
        if (expected.get("value").isNull()) {
            assertThat(actual.value()).as(what + " value").isEmpty();
            assertThat(actual.terms()).as(what + " terms").isEmpty();
            return;
        }
        assertThat(actual.value()).as(what + " value").isPresent();
        assertThat(actual.value().get())
                .as(what + " value")
                .isEqualByComparingTo(new BigDecimal(expected.get("value").asText()));
        assertThat(actual.exact())
                .as(what + " exact")
                .isEqualTo(Optional.ofNullable(expected.get("exact")).map(JsonNode::asText));
        if (expected.has("numerator")) {
            assertThat(actual.terms()).as(what + " terms").isPresent();
            assertThat(exact(actual.terms().get().numerator()))
                    .as(what + " numerator")
                    .isEqualTo(exact(expected.get("numerator").asText()));
            assertThat(exact(actual.terms().get().denominator()))
                    .as(what + " denominator")
                    .isEqualTo(exact(expected.get("denominator").asText()));
        }
        if (expected.has("known")) {
            assertThat(actual.composition())
                    .as(what + " composition")
                    .contains(new KpiValue.Composition(
                            expected.get("known").asLong(),
                            expected.get("anonymous").asLong()));
        }
        List<String> quotes = new ArrayList<>();
        expected.path("quotes").forEach(quote -> quotes.add(quote.get("text").asText()));
        assertThat(actual.quotes()).as(what + " quotes").containsExactlyInAnyOrderElementsOf(quotes);
    }

    /** A decimal or a fraction, compared by value. */
    private static Exact exact(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Exact.of(new BigDecimal(text));
        }
        return Exact.of(new BigDecimal(text.substring(0, slash)))
                .dividedBy(Exact.of(new BigDecimal(text.substring(slash + 1))));
    }

    private static Scope scope(JsonNode scope) {
        return switch (scope.get("kind").asText()) {
            case "organisation" -> new Scope.OrganisationScope();
            case "team" -> new Scope.TeamScope(new TeamId(scope.get("team").asText()));
            default -> throw new IllegalArgumentException(scope.toString());
        };
    }

    /** The expected file gives both days inclusive; a {@link Period} ends on the first day after. */
    private static Period period(JsonNode period) {
        return new Period(
                LocalDate.parse(period.get("from").asText()),
                LocalDate.parse(period.get("to").asText()).plusDays(1));
    }

    private static Map<String, String> activityKeys() {
        Map<String, String> keys = new HashMap<>();
        data.get("activities").forEach(activity -> {
            String key = activity.get("key").asText();
            keys.put(RegistrationKeys.activityId(key).value().toString(), key);
        });
        return keys;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
