/**
 * Persistence services over Meerwaarde's own tables (prefix {@code mw_}), in the DataSource the host provides
 * or the embedded default. Implemented by the store bundle; every other bundle reaches the database through
 * these services.
 */
@Export
@Version("1.0.0")
package nl.meerwaarde.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
