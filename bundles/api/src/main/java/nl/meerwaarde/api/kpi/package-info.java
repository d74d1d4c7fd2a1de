/** KPI definitions as data and the results computed from them. */
@Export
@Version("1.0.0")
package nl.meerwaarde.api.kpi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
