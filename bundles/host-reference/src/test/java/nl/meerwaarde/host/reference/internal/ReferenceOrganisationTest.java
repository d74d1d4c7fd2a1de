package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceOrganisationTest {
    @TempDir
    Path directory;

    private HostDatabase database;
    private ReferenceOrganisation organisation;

    @BeforeEach
    void openHost() {
        database = TestHosts.database(directory, true);
        organisation = new ReferenceOrganisation(database.dataSource());
    }

    @AfterEach
    void closeHost() {
        database.close();
    }

    @Test
    void isTheDemoOrganisation() {
        assertThat(organisation.name()).isEqualTo("Welzijn Emmen (demo)");
    }

    @Test
    void hasTwoTeams() {
        assertThat(organisation.teams())
                .extracting(Team::name)
                .containsExactly("Team Emmen Centrum", "Team Emmer-Compascuum");
    }

    @Test
    void listsTheWorkersWithTheirTeamsAndRoles() {
        assertThat(organisation.workers())
                .extracting(Worker::name)
                .containsExactly("Daan Mulder", "Fatima El Amrani", "Joost Brink", "Sanne Hendriks");

        Worker fatima = organisation.worker(new WorkerId("mdw-fatima")).orElseThrow();
        assertThat(fatima.roles()).containsExactlyInAnyOrder(Role.WORKER, Role.MANAGER);
        assertThat(fatima.teams())
                .containsExactlyInAnyOrder(new TeamId("team-emmer-compascuum"), new TeamId("team-emmen-centrum"));
        assertThat(organisation.workers()).contains(fatima);
    }

    @Test
    void everyTeamHasAWorkerAndThereIsAManagerAndAnAdministrator() {
        for (Team team : organisation.teams()) {
            assertThat(organisation.workers()).anyMatch(w -> w.teams().contains(team.id()));
        }
        assertThat(organisation.workers()).anyMatch(w -> w.roles().contains(Role.MANAGER));
        assertThat(organisation.workers()).anyMatch(w -> w.roles().contains(Role.ADMINISTRATOR));
    }

    @Test
    void anUnknownWorkerIsEmpty() {
        assertThat(organisation.worker(new WorkerId("mdw-unknown"))).isEmpty();
    }

    @Test
    void worksForTwoMunicipalities() {
        assertThat(organisation.funders())
                .extracting(Funder::name, Funder::municipalityCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Gemeente Coevorden", "0109"),
                        org.assertj.core.groups.Tuple.tuple("Gemeente Emmen", "0114"));
    }

    @Test
    void withoutDataItHasNeitherTeamsNorWorkers(@TempDir Path empty) {
        HostDatabase bare = TestHosts.database(empty, false);
        try {
            ReferenceOrganisation none = new ReferenceOrganisation(bare.dataSource());
            assertThat(none.name()).isEqualTo(ReferenceOrganisation.UNNAMED);
            assertThat(none.teams()).isEmpty();
            assertThat(none.workers()).isEmpty();
            assertThat(none.funders()).isEmpty();
        } finally {
            bare.close();
        }
    }
}
