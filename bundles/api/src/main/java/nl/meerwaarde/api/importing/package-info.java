/**
 * Bulk import of historic registrations (signals, collective activities, participations with their impact
 * measurements) from a JSON document or CSV files: all or nothing per file, with a report of every invalid
 * record, and idempotent (a record's id is derived from its key in the source system, see {@link
 * nl.meerwaarde.api.importing.RegistrationKeys}). The formats are described in {@code docs/import.md}.
 */
@Export
@Version("1.0.0")
package nl.meerwaarde.api.importing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
