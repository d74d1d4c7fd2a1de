package nl.meerwaarde.host.reference.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.h2.util.OsgiDataSourceFactory;
import org.osgi.service.jdbc.DataSourceFactory;

/** Builds the host's components over a real H2 file database in a test's temporary directory. */
final class TestHosts {
    /** The lowest bcrypt cost: keeps the tests fast; the production default is 12. */
    static final int FAST_COST = 4;

    private TestHosts() {}

    /** H2's own DataSourceFactory, as the h2 bundle registers it in a framework. */
    static DataSourceFactory h2() {
        return new OsgiDataSourceFactory(new org.h2.Driver());
    }

    static HostDatabase database(Path directory, boolean demoData) {
        return new HostDatabase(h2(), directory, demoData, FAST_COST);
    }

    static SessionService sessions(HostDatabase database, Clock clock) {
        return new SessionService(database.dataSource(), Duration.ofHours(8), clock, new SecureRandom());
    }

    static Authenticator authenticator(HostDatabase database, SessionService sessions, Clock clock) {
        return new Authenticator(database.dataSource(), sessions, new Passwords(FAST_COST), clock);
    }
}
