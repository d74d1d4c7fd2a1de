package nl.meerwaarde.forms;

/**
 * The message codes of the field errors this bundle reports; each is a key in the web bundle's messages (Dutch
 * and English), formatted with {@link java.text.MessageFormat} and the error's arguments.
 */
public final class MessageCodes {
    /** A required answer or property is missing. */
    public static final String FIELD_REQUIRED = "field.required";
    /** A number outside {0} to {1} (inclusive). */
    public static final String FIELD_RANGE = "field.range";
    /** A number below {0}. */
    public static final String FIELD_MIN = "field.min";
    /** A number above {0}. */
    public static final String FIELD_MAX = "field.max";
    /** A value of the wrong type or form (a text where a number belongs, a malformed date). */
    public static final String FIELD_TYPE = "field.type";
    /** A value that is not one of the allowed options ({0}, when given, lists them). */
    public static final String FIELD_OPTION = "field.option";
    /** A text longer than {0} characters. */
    public static final String FIELD_LENGTH = "field.length";
    /** A value that is not valid for another reason (blank text, a repeated option, a malformed id). */
    public static final String FIELD_INVALID = "field.invalid";
    /** An answer or property for which there is no question at this path. */
    public static final String FIELD_UNKNOWN = "field.unknown";
    /** An answer to a question that is not shown, because its enableWhen conditions do not hold. */
    public static final String FIELD_DISABLED = "field.disabled";
    /** More than one value for a question that takes one. */
    public static final String FIELD_REPEATS = "field.repeats";
    /** More than {0} values or instances. */
    public static final String FIELD_COUNT = "field.count";

    /** A stage transition that the reference model does not allow; {0} from, {1} to. */
    public static final String WORKFLOW_TRANSITION = "workflow.transition";
    /** Skipping stage {0} needs a reason. */
    public static final String WORKFLOW_SKIP_REASON = "workflow.skipReason";
    /** Closing needs stage {0} done or skipped with a reason. */
    public static final String WORKFLOW_CLOSE_REQUIRES = "workflow.closeRequires";

    /** A definition that is not well-formed JSON; {0} says where. */
    public static final String DEFINITION_JSON = "definition.json";
    /** A linkId used twice; {0} the linkId. */
    public static final String DEFINITION_DUPLICATE_LINK_ID = "definition.duplicateLinkId";
    /** A choice item without answer options. */
    public static final String DEFINITION_NO_OPTIONS = "definition.noOptions";
    /** An answer option code used twice in one item; {0} the code. */
    public static final String DEFINITION_DUPLICATE_OPTION = "definition.duplicateOption";
    /** A minimum above the maximum; {0} minimum, {1} maximum. */
    public static final String DEFINITION_MIN_MAX = "definition.minMax";
    /** A property that an item of this type cannot have; {0} the property, {1} the type. */
    public static final String DEFINITION_NOT_ALLOWED = "definition.notAllowed";
    /** Items nested deeper than {0} levels. */
    public static final String DEFINITION_DEPTH = "definition.depth";
    /** A group without items. */
    public static final String DEFINITION_EMPTY_GROUP = "definition.emptyGroup";
    /** An enableWhen naming a linkId that does not exist; {0} the linkId. */
    public static final String DEFINITION_ENABLE_WHEN_UNKNOWN = "definition.enableWhen.unknown";
    /** An enableWhen naming the item itself, an enclosing group or a later item; {0} the linkId. */
    public static final String DEFINITION_ENABLE_WHEN_ORDER = "definition.enableWhen.order";
    /** An enableWhen naming an item inside a repeating group that does not enclose this item; {0} the linkId. */
    public static final String DEFINITION_ENABLE_WHEN_SCOPE = "definition.enableWhen.scope";
    /** An enableWhen answer that does not fit the question it names; {0} the linkId. */
    public static final String DEFINITION_ENABLE_WHEN_ANSWER = "definition.enableWhen.answer";

    private MessageCodes() {}
}
