package nl.meerwaarde.kpi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.kpi.KpiLibraries.LibraryInfo;
import nl.meerwaarde.api.kpi.KpiLibraries.Origin;
import nl.meerwaarde.api.store.KpiLibraryStore.StoredLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KPI libraries in use, from three sources: shipped in this bundle (always valid together), the organisation's
 * folder, and those the organisation published (kept in the database, so every node of a cluster sees the same). A
 * folder or published library is taken only when it is valid and fits with everything taken before it; otherwise it
 * is left out with a warning in the log, and the others stay in use.
 */
final class LibrarySources {
    private static final Logger LOG = LoggerFactory.getLogger(LibrarySources.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<KpiLibrary> shipped;
    private volatile List<KpiLibrary> folder = List.of();
    private volatile Snapshot last;

    /** The libraries in use for one state of the folder and the published libraries. */
    record Snapshot(
            List<KpiLibrary> folder, List<StoredLibrary> stored, Libraries libraries, List<LibraryInfo> infos) {}

    LibrarySources(List<KpiLibrary> shipped) {
        this.shipped = List.copyOf(shipped);
        Libraries.of(this.shipped);
    }

    List<KpiLibrary> shipped() {
        return shipped;
    }

    List<KpiLibrary> folder() {
        return folder;
    }

    /** Reads the folder's {@code *.json} files; an unreadable or invalid one is logged and left out. */
    void readFolder(Optional<Path> directory) {
        if (directory.isEmpty()) {
            folder = List.of();
            return;
        }
        List<KpiLibrary> read = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.get(), "*.json")) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path file : sorted) {
                try {
                    read.add(LibraryReader.read(JSON.readTree(file.toFile())));
                } catch (InvalidInputException e) {
                    LOG.warn("KPI library {} is left out: {}", file, e.getMessage());
                } catch (IOException e) {
                    LOG.warn("KPI library {} cannot be read: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("KPI library folder {} cannot be read: {}", directory.get(), e.getMessage());
        }
        folder = List.copyOf(read);
        LOG.info("Read {} KPI librar{} from {}", read.size(), read.size() == 1 ? "y" : "ies", directory.get());
    }

    /** The libraries in use given the published ones; rebuilt only when the folder or the published ones changed. */
    Snapshot current(List<StoredLibrary> stored) {
        Snapshot known = last;
        List<KpiLibrary> inFolder = folder;
        if (known != null && known.folder() == inFolder && known.stored().equals(stored)) {
            return known;
        }
        List<KpiLibrary> taken = new ArrayList<>(shipped);
        Map<String, LibraryInfo> infos = new LinkedHashMap<>();
        shipped.forEach(library -> infos.put(library.id(), info(library, Origin.SHIPPED, null)));
        for (KpiLibrary library : inFolder) {
            take(library, taken, "folder", infos)
                    .ifPresent(fits -> infos.put(fits.id(), info(fits, Origin.FOLDER, null)));
        }
        // published libraries may refer to each other in any order: take what fits, then try the rest again
        Map<StoredLibrary, KpiLibrary> pending = new LinkedHashMap<>();
        for (StoredLibrary published : stored) {
            if (infos.containsKey(published.id())) {
                LOG.warn(
                        "Published KPI library {} is left out: a shipped or folder library has that id",
                        published.id());
                continue;
            }
            try {
                pending.put(published, LibraryReader.read(JSON.readTree(published.json())));
            } catch (JsonProcessingException | InvalidInputException e) {
                LOG.warn("Published KPI library {} is left out: {}", published.id(), e.getMessage());
            }
        }
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (Iterator<Map.Entry<StoredLibrary, KpiLibrary>> it =
                            pending.entrySet().iterator();
                    it.hasNext(); ) {
                Map.Entry<StoredLibrary, KpiLibrary> entry = it.next();
                if (fits(entry.getValue(), taken)) {
                    taken.add(entry.getValue());
                    infos.put(entry.getValue().id(), info(entry.getValue(), Origin.PUBLISHED, entry.getKey()));
                    it.remove();
                    progress = true;
                }
            }
        }
        for (KpiLibrary left : pending.values()) {
            take(left, taken, "published", infos); // logs why it does not fit
        }
        Snapshot snapshot =
                new Snapshot(inFolder, List.copyOf(stored), Libraries.of(taken), List.copyOf(infos.values()));
        last = snapshot;
        return snapshot;
    }

    /**
     * Checks a library to publish against those in use (a published library with the same id is replaced).
     *
     * @throws InvalidInputException when it does not fit
     */
    static void checkFits(KpiLibrary library, Snapshot current) {
        List<KpiLibrary> others = new ArrayList<>(current.libraries().libraries());
        others.removeIf(other -> other.id().equals(library.id()));
        others.add(library);
        Libraries.of(others);
    }

    /**
     * Checks that the libraries in use still fit together without this one.
     *
     * @throws InvalidInputException when another library refers to its KPIs
     */
    static void checkRemovable(String id, Snapshot current) {
        List<KpiLibrary> others = new ArrayList<>(current.libraries().libraries());
        others.removeIf(other -> other.id().equals(id));
        Libraries.of(others);
    }

    private static boolean fits(KpiLibrary library, List<KpiLibrary> taken) {
        List<KpiLibrary> with = new ArrayList<>(taken);
        with.add(library);
        try {
            Libraries.of(with);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static Optional<KpiLibrary> take(
            KpiLibrary library, List<KpiLibrary> taken, String origin, Map<String, LibraryInfo> infos) {
        if (infos.containsKey(library.id())) {
            LOG.warn("KPI library {} ({}) is left out: another library has that id", library.id(), origin);
            return Optional.empty();
        }
        List<KpiLibrary> with = new ArrayList<>(taken);
        with.add(library);
        try {
            Libraries.of(with);
        } catch (InvalidInputException e) {
            LOG.warn("KPI library {} ({}) is left out: {}", library.id(), origin, e.getMessage());
            return Optional.empty();
        }
        taken.add(library);
        return Optional.of(library);
    }

    private static LibraryInfo info(KpiLibrary library, Origin origin, StoredLibrary stored) {
        Objects.requireNonNull(library, "library");
        return new LibraryInfo(
                library.id(),
                library.name(),
                library.description(),
                origin,
                library.kpis().size(),
                Optional.ofNullable(stored).map(StoredLibrary::changedAt),
                Optional.ofNullable(stored).map(StoredLibrary::changedBy));
    }
}
