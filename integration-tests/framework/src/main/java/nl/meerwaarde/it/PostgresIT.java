package nl.meerwaarde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import nl.meerwaarde.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Issue 2: a vendor runs Meerwaarde on PostgreSQL by switching the embedded database off and configuring a
 * DataSource through ConfigAdmin (pax-jdbc-config factory configuration) — exactly as the store README says.
 */
class PostgresIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ConfigurationAdmin configurationAdmin;

    @InjectService(timeout = 30_000)
    ServiceComponentRuntime scr;

    @Test
    void theStoresRunOnPostgresqlThroughAConfiguredDataSource() throws Exception {
        URI base = Runtime.httpEndpoint(context, TIMEOUT);
        PostgresServer.Database database = PostgresServer.shared().createDatabase();
        Configuration embedded = configurationAdmin.getConfiguration("nl.meerwaarde.store.embedded", "?");
        Configuration postgres = configurationAdmin.createFactoryConfiguration("org.ops4j.datasource", "?");
        try {
            embedded.update(properties("enabled", false));
            Dictionary<String, Object> dataSource = properties("dataSourceName", "meerwaarde");
            dataSource.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
            dataSource.put("url", database.url());
            dataSource.put("user", database.user());
            dataSource.put("password", database.password());
            dataSource.put("pool", "hikari");
            dataSource.put("xa", "false");
            postgres.update(dataSource);

            // The reference host reloads its demo activities into the new, empty store.
            boolean migratedAndFilled = Await.until(context, TIMEOUT, () -> activitiesIn(database) > 0);
            assertThat(migratedAndFilled)
                    .as("Meerwaarde's tables created and filled in PostgreSQL; components: "
                            + Runtime.unsatisfiedComponents(scr))
                    .isTrue();
            boolean answering = Await.until(context, TIMEOUT, () -> activitiesAnswer(base));
            assertThat(answering)
                    .as("the REST API reads the activities from PostgreSQL")
                    .isTrue();
        } finally {
            postgres.delete();
            embedded.delete();
        }
        boolean backOnH2 = Await.until(
                context,
                TIMEOUT,
                () -> onlyTheEmbeddedDataSource()
                        && Runtime.unsatisfiedComponents(scr).isEmpty()
                        && activitiesAnswer(base));
        assertThat(backOnH2)
                .as("back on the embedded database: " + Runtime.unsatisfiedComponents(scr))
                .isTrue();
    }

    /** The configured PostgreSQL DataSource is gone: only the embedded one (ranked lowest) is left. */
    private boolean onlyTheEmbeddedDataSource() {
        try {
            var references = context.getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=meerwaarde)");
            return references.size() == 1
                    && Integer.valueOf(Integer.MIN_VALUE)
                            .equals(references.iterator().next().getProperty("service.ranking"));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Dictionary<String, Object> properties(String key, Object value) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(key, value);
        return properties;
    }

    private static long activitiesIn(PostgresServer.Database database) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from information_schema.tables where table_name = 'mw_activity'")) {
            rows.next();
            if (rows.getLong(1) == 0) {
                return 0;
            }
            try (ResultSet count = statement.executeQuery("select count(*) from mw_activity")) {
                count.next();
                return count.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    private static boolean activitiesAnswer(URI base) {
        try {
            Browser browser = new Browser(base);
            browser.login(WebIT.WORKER, WebIT.WORKER_PASSWORD);
            var response = browser.get("meerwaarde/api/v1/activities", "application/json");
            return response.statusCode() == 200 && response.body().contains("Moedergroep");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
