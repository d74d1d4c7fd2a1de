package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.meerwaarde.host.spi.Resident;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.WorkerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceResidentsTest {
    private static final WorkerId SANNE = new WorkerId("mdw-sanne");

    @TempDir
    Path directory;

    private HostDatabase database;
    private ReferenceResidents residents;

    @BeforeEach
    void openHost() {
        database = TestHosts.database(directory, true);
        residents = new ReferenceResidents(database.dataSource());
    }

    @AfterEach
    void closeHost() {
        database.close();
    }

    @Test
    void findsManoukAsTheSeedDescribesHer() {
        Resident manouk = residents.find(new ResidentId("inw-0001")).orElseThrow();

        assertThat(manouk.displayName()).startsWith("Manouk");
        assertThat(manouk.birthYear()).isEqualTo(2000);
        assertThat(manouk.genderCode()).isEqualTo("2");
        assertThat(manouk.municipalityCode()).isEqualTo("0114");
        assertThat(manouk.postcodeArea()).isEqualTo("7881");
    }

    @Test
    void anUnknownIdFindsNobody() {
        assertThat(residents.find(new ResidentId("inw-9999"))).isEmpty();
    }

    @Test
    void searchesNamesIgnoringCase() {
        List<Resident> found = residents.search("MANOUK", SANNE, 10);

        assertThat(found).extracting(Resident::id).containsExactly(new ResidentId("inw-0001"));
        assertThat(residents.search("an", SANNE, 50))
                .extracting(Resident::displayName)
                .contains("Manouk Bakker", "Sarah Jansen", "Janny Oosting")
                .isSortedAccordingTo(String::compareTo);
    }

    @Test
    void everyWorkerSeesEveryResidentInThisHost() {
        assertThat(residents.search("", new WorkerId("mdw-daan"), 50)).hasSize(DemoHostData.RESIDENTS.size());
    }

    @Test
    void anUnknownWorkerSeesNobody() {
        assertThat(residents.search("Manouk", new WorkerId("mdw-unknown"), 10)).isEmpty();
    }

    @Test
    void keepsToTheLimit() {
        assertThat(residents.search("", SANNE, 3)).hasSize(3);
        assertThat(residents.search("", SANNE, 0)).isEmpty();
    }

    @Test
    void wildcardsInTheTextMatchThemselves() {
        assertThat(residents.search("%", SANNE, 50)).isEmpty();
        assertThat(residents.search("_", SANNE, 50)).isEmpty();
        assertThat(residents.search("' OR 1=1 --", SANNE, 50)).isEmpty();
        assertThat(residents.search("Al-Khalil", SANNE, 50)).hasSize(1);
    }
}
