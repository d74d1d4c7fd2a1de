package nl.meerwaarde.web.internal.rest;

/**
 * Message codes of field errors the REST resources report themselves (besides {@link nl.meerwaarde.web.FieldCodes}
 * and the forms bundle's codes); each has a Dutch and an English text in the bundle's messages.
 */
final class Codes {
    /** The team is not one of the caller's teams. No arguments. */
    static final String TEAM_NOT_MEMBER = "team.notMember";

    /** The host does not know this resident. No arguments. */
    static final String RESIDENT_UNKNOWN = "resident.unknown";

    /** No activity with this id among the caller's teams' activities. No arguments. */
    static final String ACTIVITY_UNKNOWN = "activity.unknown";

    /** The resident already takes part in this activity. No arguments. */
    static final String PARTICIPANT_EXISTS = "participant.exists";

    /** No questionnaire at this version. Arguments: the questionnaire id, the version. */
    static final String QUESTIONNAIRE_UNKNOWN = "questionnaire.unknown";

    /** A JSON property the request does not have. No arguments. */
    static final String UNKNOWN_FIELD = JsonProvider.UNKNOWN_FIELD;

    private Codes() {}
}
