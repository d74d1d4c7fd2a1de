/**
 * What other bundles need to add screens and REST resources to the Meerwaarde web shell: the name and path of the
 * HTTP Whiteboard context every screen lives in (and is authenticated by), the JAX-RS Whiteboard application REST
 * resources join, the request attributes the shell sets, and the validation message codes the shell can show.
 * Constants only.
 */
@Export
@Version("1.0.0")
package nl.meerwaarde.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
