package nl.meerwaarde.web.internal;

import java.util.Optional;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;

/**
 * Who may read KPI figures of which scope, for the REST API and the dashboard alike: a manager or administrator
 * every scope; a worker his or her own teams and their activities, nothing organisation-wide.
 */
public final class KpiAccess {
    private KpiAccess() {}

    public static boolean seesEveryScope(Subject.WorkerSubject worker) {
        return worker.hasRole(Role.MANAGER) || worker.hasRole(Role.ADMINISTRATOR);
    }

    /**
     * @param activity for an activity scope, the activity (empty when it does not exist)
     */
    public static boolean allowed(Subject.WorkerSubject worker, Scope scope, Optional<CollectiveActivity> activity) {
        if (seesEveryScope(worker)) {
            return true;
        }
        if (scope instanceof Scope.TeamScope team) {
            return worker.teams().contains(team.team());
        }
        if (scope instanceof Scope.ActivityScope) {
            return activity.filter(found -> worker.teams().contains(found.team()))
                    .isPresent();
        }
        return false;
    }
}
