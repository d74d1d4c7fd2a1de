package nl.meerwaarde.kpi.internal;

import java.util.List;
import java.util.UUID;
import nl.meerwaarde.api.Scope;

/**
 * A scope as SQL, for the rows that hang off an activity ({@code a}) and for signals ({@code s}). A signal belongs
 * to a team and has target groups of its own; for an activity or funder scope it belongs there through the activity
 * it was clustered into.
 */
final class ScopeSql {
    private ScopeSql() {}

    static ScopeFilter activities(Scope scope) {
        if (scope instanceof Scope.TeamScope team) {
            return new ScopeFilter("a.team_id = ?", List.of(team.team().value()), false);
        }
        if (scope instanceof Scope.ActivityScope activity) {
            return new ScopeFilter("a.id = ?", List.of(uuid(activity)), false);
        }
        if (scope instanceof Scope.TargetGroupScope group) {
            return new ScopeFilter(
                    "EXISTS (SELECT 1 FROM mw_activity_target_group sg WHERE sg.activity_id = a.id"
                            + " AND sg.target_group = ?)",
                    List.of(group.targetGroup()),
                    false);
        }
        if (scope instanceof Scope.FunderScope funder) {
            return new ScopeFilter("a.funder_id = ?", List.of(funder.funder().value()), false);
        }
        return new ScopeFilter("1 = 1", List.of(), true);
    }

    /** The same scope over {@code mw_signal s}. */
    static ScopeFilter signals(Scope scope) {
        if (scope instanceof Scope.TeamScope team) {
            return new ScopeFilter("s.team_id = ?", List.of(team.team().value()), false);
        }
        if (scope instanceof Scope.ActivityScope activity) {
            return new ScopeFilter("s.activity_id = ?", List.of(uuid(activity)), false);
        }
        if (scope instanceof Scope.TargetGroupScope group) {
            return new ScopeFilter(
                    "EXISTS (SELECT 1 FROM mw_signal_target_group sg WHERE sg.signal_id = s.id"
                            + " AND sg.target_group = ?)",
                    List.of(group.targetGroup()),
                    false);
        }
        if (scope instanceof Scope.FunderScope funder) {
            return new ScopeFilter(
                    "EXISTS (SELECT 1 FROM mw_activity sa WHERE sa.id = s.activity_id AND sa.funder_id = ?)",
                    List.of(funder.funder().value()),
                    false);
        }
        return new ScopeFilter("1 = 1", List.of(), true);
    }

    private static UUID uuid(Scope.ActivityScope scope) {
        return scope.activity().value();
    }
}
