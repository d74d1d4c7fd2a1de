package nl.meerwaarde.kpi.internal;

import java.util.List;
import java.util.Objects;

/**
 * A scope (organisation, team, activity, target group, funder) as SQL: a boolean expression over the activity row
 * {@code a} ({@code mw_activity a}) with {@code ?} placeholders, and the values to bind to them in order. Only the
 * engine writes the expression; every value from a request is a bound parameter.
 *
 * @param activityCondition e.g. {@code a.team_id = ?}; {@code TRUE} for the whole organisation
 * @param parameters the values for the placeholders, in order
 * @param whole whether the scope is the whole organisation, so that records linked to no activity (a response
 *     without an activity) belong to it as well
 */
record ScopeFilter(String activityCondition, List<Object> parameters, boolean whole) {
    ScopeFilter {
        Objects.requireNonNull(activityCondition, "activityCondition");
        parameters = List.copyOf(parameters);
    }
}
