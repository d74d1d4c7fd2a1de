package nl.meerwaarde.web.internal;

import java.util.Set;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;

/** Subjects for the tests. */
public final class Fixtures {
    public static final TeamId NOORD = new TeamId("team-noord");
    public static final TeamId ZUID = new TeamId("team-zuid");

    private Fixtures() {}

    public static Subject.WorkerSubject worker(String name, Set<TeamId> teams, Role... roles) {
        return new Subject.WorkerSubject(
                new Worker(new WorkerId("w-" + name.toLowerCase().replace(' ', '-')), name, teams, Set.of(roles)));
    }

    public static Subject.WorkerSubject fatima() {
        return worker("Fatima Yilmaz", Set.of(NOORD), Role.WORKER);
    }

    public static Subject.ResidentSubject resident() {
        return new Subject.ResidentSubject(new ResidentId("r-1"), "inv-1");
    }
}
