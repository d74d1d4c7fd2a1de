package nl.meerwaarde.web.internal.screens;

import java.util.List;
import java.util.Optional;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;
import nl.meerwaarde.web.internal.Fixtures;

/** An organisation with the two test teams; team Noord has the given name. */
final class FakeOrganisation implements Organisation {
    private final String noordName;

    FakeOrganisation(String noordName) {
        this.noordName = noordName;
    }

    @Override
    public String name() {
        return "Welzijn Test";
    }

    @Override
    public List<Team> teams() {
        return List.of(new Team(Fixtures.NOORD, noordName), new Team(Fixtures.ZUID, "Team Zuid"));
    }

    @Override
    public List<Worker> workers() {
        return List.of();
    }

    @Override
    public Optional<Worker> worker(WorkerId id) {
        return Optional.empty();
    }

    @Override
    public List<Funder> funders() {
        return List.of();
    }
}
