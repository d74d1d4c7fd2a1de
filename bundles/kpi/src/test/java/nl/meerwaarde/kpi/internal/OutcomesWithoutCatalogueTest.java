package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.store.internal.SchemaMigration;
import org.junit.jupiter.api.Test;

/**
 * While the questionnaire catalogue is away (the forms bundle restarting), instrument outcome KPIs have no figures;
 * the other KPIs of the same request are computed as always.
 */
class OutcomesWithoutCatalogueTest {
    @Test
    void outcomeKpisHaveNoFiguresAndTheOthersAreComputed() {
        DataSource dataSource = Databases.H2.create();
        SchemaMigration.migrate(dataSource);
        KpiEngineComponent engine =
                new KpiEngineComponent(Databases.H2.reporting(dataSource), KpiEngineComponent.shipped());

        List<KpiResult> results = engine.compute(
                List.of("uitkomst-zrm-clienten", "tinten-1"), new Scope.OrganisationScope(), Period.year(2025));

        assertThat(results).extracting(KpiResult::kpiId).containsExactly("uitkomst-zrm-clienten", "tinten-1");
        assertThat(results.get(0).values()).isEmpty();
        assertThat(results.get(1).values()).hasSize(1);
        assertThat(results.get(1).values().get(0).n()).isZero();
    }
}
