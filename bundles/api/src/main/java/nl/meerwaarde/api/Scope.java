package nl.meerwaarde.api;

import java.util.Objects;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.TeamId;

/** What part of the work a KPI is computed over. */
public sealed interface Scope {

    /** The whole organisation. */
    record OrganisationScope() implements Scope {}

    /** The activities of one team. */
    record TeamScope(TeamId team) implements Scope {
        public TeamScope {
            Objects.requireNonNull(team, "team");
        }
    }

    /** One collective activity. */
    record ActivityScope(ActivityId activity) implements Scope {
        public ActivityScope {
            Objects.requireNonNull(activity, "activity");
        }
    }

    /** The activities and signals for one target group. */
    record TargetGroupScope(String targetGroup) implements Scope {
        public TargetGroupScope {
            Objects.requireNonNull(targetGroup, "targetGroup");
        }
    }

    /** The activities funded by one funder. */
    record FunderScope(FunderId funder) implements Scope {
        public FunderScope {
            Objects.requireNonNull(funder, "funder");
        }
    }
}
