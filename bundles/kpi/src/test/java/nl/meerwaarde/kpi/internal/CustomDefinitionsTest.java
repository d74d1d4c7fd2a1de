package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.importer.internal.GoldenData;
import org.junit.jupiter.api.Test;

/**
 * An organisation's own KPI definitions next to the shipped ones, computed on the golden data set
 * (docs/kpi-golden.md, organisation, 2025): shapes the shipped KPIs do not use.
 */
class CustomDefinitionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Period YEAR = Period.year(2025);
    private static DataSource golden;

    /** The golden data set in H2, loaded once for the tests that compute. */
    private static synchronized DataSource golden() throws IOException {
        if (golden == null) {
            DataSource dataSource = Databases.H2.create();
            GoldenData.load(dataSource, Path.of("../../docs/examples/kpi-golden.json"));
            golden = dataSource;
        }
        return golden;
    }

    /** The shipped libraries and one of the organisation's own with this KPI. */
    private static List<KpiLibrary> with(String id, String formula) throws IOException {
        List<KpiLibrary> libraries =
                new ArrayList<>(KpiEngineComponent.shipped().libraries());
        libraries.add(LibraryReader.read(JSON.readTree("""
                {"format": "meerwaarde-kpi-library", "formatVersion": 1, "id": "eigen", "name": "Eigen",
                 "description": "De KPI's van de organisatie.",
                 "kpis": [{"id": "%s", "name": "Eigen KPI", "description": "Een eigen KPI.", "level": "output",
                           "unit": "count", "source": "registrations", "formula": %s}]}""".formatted(id, formula))));
        return libraries;
    }

    private static KpiResult compute(String id, String formula) throws IOException {
        KpiEngineComponent engine =
                new KpiEngineComponent(Databases.H2.reporting(golden()), Libraries.of(with(id, formula)));
        return engine.compute(List.of(id), new Scope.OrganisationScope(), YEAR).get(0);
    }

    private static Map<String, KpiValue> byGroup(KpiResult result) {
        Map<String, KpiValue> groups = new TreeMap<>();
        result.values().forEach(value -> groups.put(value.group().orElseThrow(), value));
        return groups;
    }

    @Test
    void quotesOfTheParticipationsThatMeetAConditionOnTheParticipation() throws IOException {
        KpiResult result = compute("geholpen-met-citaten", """
                {"count": "participation.id", "where": [{"field": "participation.helped", "is": true}],
                 "quotes": [{"field": "participation.helped", "is": true}]}""");

        // helped in 2025: P01, P02, P06, P07, P08, P09, P11; of those P01, P02, P06 (two) and P08 have quotes
        assertThat(result.values()).hasSize(1);
        assertThat(result.values().get(0).value())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("7"));
        assertThat(result.values().get(0).quotes())
                .containsExactlyInAnyOrder(
                        "Ik ben niet meer de enige.",
                        "We spreken nu ook buiten de groep af.",
                        "Hier mag ik fouten maken.",
                        "Mijn dochter heeft nu vriendjes.",
                        "Ik kan mijn verhaal eindelijk kwijt.");
    }

    @Test
    void aRefWithABreakdownOfItsOwnIsGroupedWhenItsAggregatesReachTheField() throws IOException {
        // tinten-20 counts signals, and signals have a type: the same as {"count": "signal.id", "by": "signal.type",
        // "where": answered}; answered in 2025: S01, S02, S04 (sociaal-isolement), S05 (eenzaamheid), S06
        KpiResult result = compute("beantwoord-per-type", "{\"ref\": \"tinten-20\", \"by\": \"signal.type\"}");

        Map<String, KpiValue> groups = byGroup(result);
        assertThat(groups.keySet())
                .containsExactly(
                        "eenzaamheid",
                        "ontmoetingsplek-jongeren",
                        "overbelasting-mantelzorg",
                        "sociaal-isolement",
                        "taal");
        assertThat(groups.get("sociaal-isolement").value())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
        assertThat(groups.get("eenzaamheid").value())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1"));
        assertThat(groups.get("taal").value())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
    }

    /**
     * Bug: quote conditions on a dimension (or referral) field without {@code @group} join the participation's
     * dimensions (referrals) and so repeat each quote once per matching dimension (referral): QuoteSql has no
     * DISTINCT or EXISTS for them. {@code {"count": "participation.id", "quotes": [{"field": "dimension.code", "is":
     * "present"}]}} gives 9 quotes on the golden data (P01's, P06's two and P08's each twice, for their two
     * dimensions) instead of the 5 quotes of P01, P02, P06 and P08.
     */
    @Test
    void eachQuoteOnceWhenItsParticipationHasSeveralDimensions() throws IOException {
        KpiResult result = compute("met-dimensie", """
                {"count": "participation.id", "quotes": [{"field": "dimension.code", "is": "present"}]}""");

        assertThat(result.values().get(0).quotes())
                .containsExactlyInAnyOrder(
                        "Ik ben niet meer de enige.",
                        "We spreken nu ook buiten de groep af.",
                        "Hier mag ik fouten maken.",
                        "Mijn dochter heeft nu vriendjes.",
                        "Ik kan mijn verhaal eindelijk kwijt.");
    }
}
