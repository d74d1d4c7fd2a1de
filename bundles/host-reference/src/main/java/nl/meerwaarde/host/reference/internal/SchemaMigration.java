package nl.meerwaarde.host.reference.internal;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the host's schema up to date with the Liquibase changelog inside this bundle. Liquibase's usage
 * analytics are switched off for every call (our product never phones home), and its console output goes to
 * its log instead of standard out.
 */
final class SchemaMigration {
    /** The changelog, a resource of this bundle. */
    static final String CHANGELOG = "nl/meerwaarde/host/reference/db/changelog.xml";

    private SchemaMigration() {}

    static void migrate(DataSource dataSource) {
        try {
            inLiquibaseScope(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute();
                }
            });
        } catch (Exception e) {
            throw new HostStorageException("Could not bring the reference host's schema up to date", e);
        }
    }

    /**
     * Runs the work in a Liquibase scope that reads this bundle's resources, has analytics switched off and sends
     * Liquibase's user-interface output to its log.
     */
    static void inLiquibaseScope(Scope.ScopedRunner<?> work) throws Exception {
        // Liquibase finds its own services through the thread context class loader, also while its classes
        // initialise; inside OSGi that loader is whatever the calling thread has (SCR's, the launcher's): point it
        // at Liquibase's bundle before touching any Liquibase class.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Scope.class.getClassLoader());
        try {
            Map<String, Object> scope = Map.of(
                    AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE,
                    Scope.Attr.resourceAccessor.name(),
                            new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()),
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, work);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
