package nl.meerwaarde.host.spi;

import java.util.Objects;
import java.util.Set;

/** Who is making a request: a logged-in worker, or a resident holding a self-scan invitation. */
public sealed interface Subject {

    /** A name for audit records: the host id prefixed by the kind, never a display name. */
    String auditName();

    /** A logged-in worker with his or her roles and the teams whose work he or she may see. */
    record WorkerSubject(Worker worker) implements Subject {
        public WorkerSubject {
            Objects.requireNonNull(worker, "worker");
        }

        public boolean hasRole(Role role) {
            return worker.roles().contains(role);
        }

        public boolean memberOf(TeamId team) {
            return worker.teams().contains(team);
        }

        public Set<TeamId> teams() {
            return worker.teams();
        }

        @Override
        public String auditName() {
            return "worker:" + worker.id().value();
        }
    }

    /** A resident who opened an invitation link; may only see and fill in what the invitation names. */
    record ResidentSubject(ResidentId resident, String invitationId) implements Subject {
        public ResidentSubject {
            Objects.requireNonNull(resident, "resident");
            Objects.requireNonNull(invitationId, "invitationId");
        }

        @Override
        public String auditName() {
            return "resident:" + resident.value();
        }
    }
}
