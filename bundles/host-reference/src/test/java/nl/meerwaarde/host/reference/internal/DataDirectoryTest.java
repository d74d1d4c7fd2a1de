package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    @Test
    void theConfiguredDirectoryWins() {
        Path resolved = DataDirectory.resolve("/srv/host", Map.of("meerwaarde.data", "/x", "karaf.data", "/y")::get);

        assertThat(resolved).isEqualTo(Path.of("/srv/host"));
    }

    @Test
    void thenTheMeerwaardeFrameworkProperty() {
        Path resolved = DataDirectory.resolve("  ", Map.of("meerwaarde.data", "/x", "karaf.data", "/y")::get);

        assertThat(resolved).isEqualTo(Path.of("/x"));
    }

    @Test
    void thenAFolderInKarafsDataDirectory() {
        Path resolved = DataDirectory.resolve("", Map.of("karaf.data", "/opt/karaf/data")::get);

        assertThat(resolved).isEqualTo(Path.of("/opt/karaf/data/meerwaarde"));
    }

    @Test
    void elseDataInTheWorkingDirectory() {
        Path resolved = DataDirectory.resolve("", name -> null);

        assertThat(resolved).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(resolved).isAbsolute();
    }
}
