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

    /** A new version of the impact measurement lacks the yes/no question a measurement is read from. */
    static final String DEFINITION_MAPPED_ITEM_MISSING = "definition.mappedItemMissing";

    /** A new version of the impact measurement gives an item it is read from a type it cannot be read as. */
    static final String DEFINITION_MAPPED_ITEM_TYPE = "definition.mappedItemType";

    /** A JSON property the request does not have. No arguments. */
    static final String UNKNOWN_FIELD = JsonProvider.UNKNOWN_FIELD;

    private Codes() {}
}
