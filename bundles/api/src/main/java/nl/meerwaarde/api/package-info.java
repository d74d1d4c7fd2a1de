/**
 * The Meerwaarde domain: signals, collective activities and their participations, periods and scopes. Records
 * refer to residents, workers and teams only by the host's ids.
 */
@Export
@Version("1.0.0")
package nl.meerwaarde.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
