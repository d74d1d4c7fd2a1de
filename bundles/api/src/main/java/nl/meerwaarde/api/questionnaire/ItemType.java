package nl.meerwaarde.api.questionnaire;

/** Item types, a subset of FHIR R4 {@code Questionnaire.item.type}. */
public enum ItemType {
    GROUP,
    DISPLAY,
    BOOLEAN,
    INTEGER,
    DECIMAL,
    STRING,
    TEXT,
    DATE,
    CHOICE
}
