/**
 * The host SPI: the few services a host (a vendor's case-registration system) registers so that the
 * Meerwaarde bundles can work inside it, and the services Meerwaarde offers back to the host.
 *
 * <p>A host implements {@link nl.meerwaarde.host.spi.Residents}, {@link nl.meerwaarde.host.spi.Organisation}
 * and {@link nl.meerwaarde.host.spi.Subjects}, and optionally {@link nl.meerwaarde.host.spi.AuditSink}.
 * Meerwaarde registers {@link nl.meerwaarde.host.spi.Screen} and {@link nl.meerwaarde.host.spi.PersonalDataHandler}
 * services the host may pick up (whiteboard pattern).
 *
 * <p>No BSN (citizen service number) ever crosses this SPI: residents are known by the host's own id.
 */
@Export
@Version("1.0.0")
package nl.meerwaarde.host.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
