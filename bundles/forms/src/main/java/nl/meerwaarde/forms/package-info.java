/**
 * Questionnaires as versioned data and the rules that use them: the catalog of definitions (shipped in bundles
 * or supplied by an organisation), the parser of the FHIR R4-shaped JSON format, the one validation engine for
 * every response, and the reference-model workflow of a collective activity.
 *
 * <p>Every rule reports problems as {@link nl.meerwaarde.api.InvalidInputException.FieldError}s whose codes are
 * listed in {@link nl.meerwaarde.forms.MessageCodes}; a caller throws an
 * {@link nl.meerwaarde.api.InvalidInputException} with them and stores nothing.
 */
@Export
@Version("1.0.0")
package nl.meerwaarde.forms;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
