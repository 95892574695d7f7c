package io.callflow.domain.action;

/**
 * The JSON shape an option field takes. The validator and the schema both switch
 * on it, so adding a kind means teaching both at once.
 */
public enum OptionKind {
    /** A JSON string; may carry {@code ${variable}} templates. */
    STRING,
    /** A JSON integer, or a string holding a {@code ${variable}} resolved at run time. */
    INTEGER,
    /** A finite JSON number, or a string holding a {@code ${variable}}. */
    NUMBER,
    /** {@code true}/{@code false}, or a string holding a {@code ${variable}}. */
    BOOLEAN,
    /** A UUID string naming some other resource (flow, queue, call...); templates allowed. */
    UUID,
    /**
     * A UUID that must name an action of the same list. No templates: jump targets
     * are checked when the flow is saved (reference D11), which needs them literal.
     */
    ACTION_TARGET,
    /** An object whose values are each an {@link #ACTION_TARGET} (branch's {@code target_ids}). */
    ACTION_TARGET_MAP,
    /** An object with its own fields ({@link OptionField#fields()}), e.g. an address. */
    OBJECT,
    /** An array of {@link #OBJECT}s with the same fields, e.g. destinations. */
    OBJECT_LIST,
    /** An array of strings. */
    STRING_LIST,
    /** An array of integers (each may also be a {@code ${variable}} string). */
    INTEGER_LIST,
    /** A nested action list, validated like a flow's own list in its own id scope. */
    ACTION_LIST,
    /** A string or an object, sent as-is (webhook_send's {@code data}). */
    STRING_OR_OBJECT;

    /**
     * True when a string holding {@code ${variable}} may stand in for a value of this
     * kind (for a list kind: for each element), to be resolved at run time. Such a
     * string skips the format, enum and range checks, which only the resolved value
     * can meet. Action targets are the exception: they must be literal.
     */
    public boolean acceptsTemplate() {
        return switch (this) {
            case STRING, INTEGER, NUMBER, BOOLEAN, UUID, STRING_LIST, INTEGER_LIST -> true;
            default -> false;
        };
    }

    /**
     * True when {@code ""} stands for "not set" in a value of this kind, as the nil UUID does: an id or an action
     * target is either a UUID or absent, and clients often write absent as an empty string.
     */
    public boolean emptyTextMeansUnset() {
        return this == UUID || this == ACTION_TARGET;
    }

    /** The marker of a variable template inside a string (reference section 5.3). */
    public static boolean isTemplate(String text) {
        return text.contains("${");
    }
}
