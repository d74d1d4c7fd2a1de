/**
 * Questionnaires as versioned data, shaped after HL7 FHIR R4 Questionnaire and QuestionnaireResponse, and the
 * responses given to them.
 */
@Export
@Version("1.0.0")
package nl.meerwaarde.api.questionnaire;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
