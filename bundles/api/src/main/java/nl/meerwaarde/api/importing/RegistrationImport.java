package nl.meerwaarde.api.importing;

import java.io.InputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports a file of registrations: every record is read and checked first; only when the whole file is valid is
 * it written, in one transaction. Records already imported before (same kind and key) are replaced when they
 * differ and left alone when they are equal, so importing the same file twice changes nothing.
 *
 * <p>Invalid input (malformed JSON or CSV, unknown fields, values out of range, unknown teams or residents, a file
 * too large) never throws: it is reported in {@link ImportReport#errors()} and nothing is written. One file is
 * imported at a time: a file handed in while another is being imported is refused with the error {@code
 * file.busy}. Failures of the stream or the database throw; so does a missing host ({@link
 * ImportUnavailableException}).
 */
@ProviderType
public interface RegistrationImport {
    /**
     * Imports a JSON document of the format {@code meerwaarde-registrations}, version 1 (UTF-8).
     *
     * @throws java.io.UncheckedIOException when the stream cannot be read
     * @throws ImportUnavailableException when the host's services an import needs are missing
     */
    ImportReport importJson(InputStream json, ImportOptions options);

    /**
     * Imports one CSV file of one kind of record (UTF-8, a header row, comma or semicolon separated).
     *
     * @throws java.io.UncheckedIOException when the stream cannot be read
     * @throws ImportUnavailableException when the host's services an import needs are missing
     */
    ImportReport importCsv(InputStream csv, CsvKind kind, ImportOptions options);
}
