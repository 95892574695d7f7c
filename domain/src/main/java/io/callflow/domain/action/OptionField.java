package io.callflow.domain.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One option of an action type, as plain data: what {@link ActionsValidator} enforces
 * and {@link ActionSchema} publishes.
 *
 * <p>Which constraints apply depends on the kind: {@code minimum}/{@code maximum} bound
 * an {@link OptionKind#INTEGER} or each element of an {@link OptionKind#INTEGER_LIST};
 * {@code minLength}/{@code maxLength}, {@code allowed} and {@code format} bind a
 * {@link OptionKind#STRING} or each element of a {@link OptionKind#STRING_LIST};
 * {@code minItems}/{@code maxItems} bound a list; {@code fields} describe an
 * {@link OptionKind#OBJECT} or each element of an {@link OptionKind#OBJECT_LIST}.
 * A null constraint does not apply.
 *
 * <p>{@code defaultValue} is what the engine uses when the field is left out. The
 * validator never writes it into the stored option, so a flow reads back as sent.
 */
public record OptionField(
        String name,
        OptionKind kind,
        String description,
        boolean required,
        JsonNode defaultValue,
        Long minimum,
        Long maximum,
        Integer minLength,
        Integer maxLength,
        Integer minItems,
        Integer maxItems,
        List<String> allowed,
        TextFormat format,
        List<OptionField> fields) {

    public OptionField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        format = format == null ? TextFormat.PLAIN : format;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    private static OptionField of(String name, OptionKind kind, String description) {
        return new OptionField(name, kind, description, false, null,
                null, null, null, null, null, null, null, null, null);
    }

    public static OptionField text(String name, String description) {
        return of(name, OptionKind.STRING, description);
    }

    public static OptionField integer(String name, String description) {
        return of(name, OptionKind.INTEGER, description);
    }

    public static OptionField number(String name, String description) {
        return of(name, OptionKind.NUMBER, description);
    }

    public static OptionField bool(String name, String description) {
        return of(name, OptionKind.BOOLEAN, description);
    }

    public static OptionField uuid(String name, String description) {
        return of(name, OptionKind.UUID, description);
    }

    public static OptionField target(String name, String description) {
        return of(name, OptionKind.ACTION_TARGET, description);
    }

    public static OptionField targetMap(String name, String description) {
        return of(name, OptionKind.ACTION_TARGET_MAP, description);
    }

    public static OptionField object(String name, String description, List<OptionField> fields) {
        return of(name, OptionKind.OBJECT, description).withFields(fields);
    }

    public static OptionField objects(String name, String description, List<OptionField> fields) {
        return of(name, OptionKind.OBJECT_LIST, description).withFields(fields);
    }

    public static OptionField texts(String name, String description) {
        return of(name, OptionKind.STRING_LIST, description);
    }

    public static OptionField integers(String name, String description) {
        return of(name, OptionKind.INTEGER_LIST, description);
    }

    public static OptionField actions(String name, String description) {
        return of(name, OptionKind.ACTION_LIST, description);
    }

    public static OptionField textOrObject(String name, String description) {
        return of(name, OptionKind.STRING_OR_OBJECT, description);
    }

    /** Marks the field as one the action cannot do without. */
    public OptionField mandatory() {
        return new OptionField(name, kind, description, true, defaultValue, minimum, maximum,
                minLength, maxLength, minItems, maxItems, allowed, format, fields);
    }

    public OptionField defaultsTo(JsonNode value) {
        return new OptionField(name, kind, description, required, value, minimum, maximum,
                minLength, maxLength, minItems, maxItems, allowed, format, fields);
    }

    public OptionField defaultsTo(String value) {
        return defaultsTo(TextNode.valueOf(value));
    }

    public OptionField defaultsTo(long value) {
        return defaultsTo(LongNode.valueOf(value));
    }

    public OptionField defaultsTo(boolean value) {
        return defaultsTo(BooleanNode.valueOf(value));
    }

    public OptionField range(long min, long max) {
        return new OptionField(name, kind, description, required, defaultValue, min, max,
                minLength, maxLength, minItems, maxItems, allowed, format, fields);
    }

    public OptionField length(Integer min, Integer max) {
        return new OptionField(name, kind, description, required, defaultValue, minimum, maximum,
                min, max, minItems, maxItems, allowed, format, fields);
    }

    public OptionField items(Integer min, Integer max) {
        return new OptionField(name, kind, description, required, defaultValue, minimum, maximum,
                minLength, maxLength, min, max, allowed, format, fields);
    }

    public OptionField oneOf(String... values) {
        return new OptionField(name, kind, description, required, defaultValue, minimum, maximum,
                minLength, maxLength, minItems, maxItems, Arrays.asList(values), format, fields);
    }

    public OptionField format(TextFormat textFormat) {
        return new OptionField(name, kind, description, required, defaultValue, minimum, maximum,
                minLength, maxLength, minItems, maxItems, allowed, textFormat, fields);
    }

    private OptionField withFields(List<OptionField> nested) {
        return new OptionField(name, kind, description, required, defaultValue, minimum, maximum,
                minLength, maxLength, minItems, maxItems, allowed, format, nested);
    }
}
