package nl.meerwaarde.host.reference.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meerwaarde.host.spi.HostRequest;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.Subjects;
import nl.meerwaarde.host.spi.WorkerId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Subjects} from the host's own session: the cookie {@value SessionCookie#NAME} set by the login page. This
 * host knows workers only; invitation links of residents are Meerwaarde's own business.
 */
@Component(name = "nl.meerwaarde.host.reference.subjects")
public class ReferenceSubjects implements Subjects {
    private final DataSource dataSource;
    private final SessionService sessions;

    @Activate
    public ReferenceSubjects(@Reference HostDatabase database, @Reference SessionService sessions) {
        this(database.dataSource(), sessions);
    }

    ReferenceSubjects(DataSource dataSource, SessionService sessions) {
        this.dataSource = dataSource;
        this.sessions = sessions;
    }

    @Override
    public Optional<Subject> resolve(HostRequest request) {
        Optional<WorkerId> worker = request.cookie(SessionCookie.NAME).flatMap(sessions::resolve);
        if (worker.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            return WorkerRows.find(connection, worker.get()).map(Subject.WorkerSubject::new);
        } catch (SQLException e) {
            throw new HostStorageException("Could not read worker " + worker.get(), e);
        }
    }

    /** {@code /login?returnTo=<path>}; a returnTo that is not a path on this server is left out. */
    @Override
    public String loginLocation(String returnTo) {
        return ReturnTo.loginLocation(returnTo);
    }

    @Override
    public String logoutLocation() {
        return ReturnTo.LOGOUT_PATH;
    }
}
