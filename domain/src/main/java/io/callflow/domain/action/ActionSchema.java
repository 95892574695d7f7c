package io.callflow.domain.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of one flow action, generated from
 * {@link ActionCatalogue} so that what flow designers read and what
 * {@link ActionsValidator} enforces are the same rules. Served at GET /v1/flows/schema.
 *
 * <p>Two checks cannot be said in JSON Schema and are left to the validator: that a
 * jump target names an action of the same list (fields marked
 * {@code "x-kind": "action_target"}) and that a time zone id exists. Each field's
 * {@code x-kind} names its {@link OptionKind} for editors that want it.
 */
public final class ActionSchema {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** A string holding a {@code ${variable}}, accepted where the value is resolved at run time. */
    static final String TEMPLATE_PATTERN = "\\$\\{";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectNode DOCUMENT = build();

    private ActionSchema() {
    }

    /** A fresh copy of the schema; callers may change it freely. */
    public static ObjectNode document() {
        return DOCUMENT.deepCopy();
    }

    private static ObjectNode build() {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", DIALECT);
        root.put("title", "Flow action");
        root.put("description", "One action of a flow: {id, next_id, type, option, tm_execute}. A flow holds at most "
                + ActionsValidator.MAX_ACTIONS + " actions. The option object depends on type; see $defs.");
        root.put("type", "object");

        ObjectNode properties = root.putObject("properties");
        ObjectNode id = properties.putObject("id");
        id.put("description", "Action id; left out, null, \"\" or nil, one is assigned. Reserved ids other than the nil UUID are refused.");
        ArrayNode idChoices = id.putArray("anyOf");
        idChoices.addObject().put("type", "null");
        idChoices.addObject().put("const", "");
        ObjectNode idValue = uuidValue();
        idValue.putObject("not").set("enum", ids(ReservedIds.START, ReservedIds.FINISH, ReservedIds.NEXT));
        idChoices.add(idValue);

        ObjectNode nextId = properties.putObject("next_id");
        nextId.put("description", "Action to go to after this one: an action of the same list, or the finish id "
                + ReservedIds.FINISH + ". Left out, null, \"\" or nil, the flow falls through to the next action.");
        nextId.put("x-kind", kindName(OptionKind.ACTION_TARGET));
        ArrayNode nextChoices = nextId.putArray("anyOf");
        nextChoices.addObject().put("type", "null");
        nextChoices.addObject().put("const", "");
        ObjectNode nextValue = uuidValue();
        nextValue.putObject("not").set("enum", ids(ReservedIds.START, ReservedIds.NEXT));
        nextChoices.add(nextValue);

        ObjectNode type = properties.putObject("type");
        type.put("description", "The action type.");
        type.put("type", "string");
        ArrayNode typeNames = type.putArray("enum");
        for (ActionType actionType : ActionType.values()) {
            typeNames.add(actionType.wireName());
        }

        ObjectNode option = properties.putObject("option");
        option.put("description", "Options of the action; their shape depends on type. Left out or null means {}.");
        option.putArray("type").add("object").add("null");

        ObjectNode tmExecute = properties.putObject("tm_execute");
        tmExecute.put("description", "Set by the platform when the action starts; ignored on input.");
        tmExecute.putArray("type").add("string").add("null");

        root.putArray("required").add("type");
        root.put("additionalProperties", false);

        ArrayNode perType = root.putArray("allOf");
        ObjectNode defs = root.putObject("$defs");
        for (Map.Entry<ActionType, List<OptionField>> entry : ActionCatalogue.all().entrySet()) {
            String name = entry.getKey().wireName();
            List<OptionField> fields = entry.getValue();
            ObjectNode def = defs.putObject(name);
            def.put("description", "Options of " + name + " (media: "
                    + entry.getKey().media().name().toLowerCase(Locale.ROOT) + ").");
            def.setAll(objectOf(fields));

            ObjectNode rule = perType.addObject();
            ObjectNode condition = rule.putObject("if");
            condition.putObject("properties").putObject("type").put("const", name);
            condition.putArray("required").add("type");
            ObjectNode ref = NODES.objectNode().put("$ref", "#/$defs/" + name);
            ObjectNode optionRule = rule.putObject("then").putObject("properties").putObject("option");
            if (fields.stream().anyMatch(OptionField::required)) {
                optionRule.setAll(ref);
            } else {
                ArrayNode choices = optionRule.putArray("anyOf");
                choices.addObject().put("type", "null");
                choices.add(ref);
            }
        }
        return root;
    }

    private static ObjectNode objectOf(List<OptionField> fields) {
        ObjectNode object = NODES.objectNode();
        object.put("type", "object");
        ObjectNode properties = object.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (OptionField field : fields) {
            properties.set(field.name(), fieldOf(field));
            if (field.required()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            object.set("required", required);
        }
        object.put("additionalProperties", false);
        return object;
    }

    private static ObjectNode fieldOf(OptionField field) {
        ObjectNode schema = NODES.objectNode();
        String description = field.description();
        if (field.format() == TextFormat.TIME_ZONE) {
            description += " Must be an IANA time zone id such as Europe/Paris.";
        }
        schema.put("description", description);
        schema.put("x-kind", kindName(field.kind()));
        if (field.defaultValue() != null) {
            schema.set("default", field.defaultValue());
        }
        switch (field.kind()) {
            case STRING -> schema.setAll(templateOr(textValue(field)));
            case INTEGER -> schema.setAll(templateOr(integerValue(field)));
            case NUMBER -> schema.setAll(templateOr(NODES.objectNode().put("type", "number")));
            case BOOLEAN -> schema.setAll(templateOr(NODES.objectNode().put("type", "boolean")));
            case UUID -> {
                ObjectNode value = uuidValue();
                if (field.required()) {
                    value.putObject("not").put("const", ReservedIds.EMPTY.toString());
                }
                schema.setAll(templateOr(value));
            }
            case ACTION_TARGET -> {
                schema.setAll(uuidValue());
                if (field.required()) {
                    schema.putObject("not").put("const", ReservedIds.EMPTY.toString());
                }
            }
            case ACTION_TARGET_MAP -> {
                schema.put("type", "object");
                ObjectNode target = uuidValue();
                target.putObject("not").put("const", ReservedIds.EMPTY.toString());
                schema.set("additionalProperties", target);
            }
            case OBJECT -> schema.setAll(objectOf(field.fields()));
            case OBJECT_LIST -> schema.setAll(listOf(field, objectOf(field.fields())));
            case STRING_LIST -> schema.setAll(listOf(field, templateOr(textValue(field))));
            case INTEGER_LIST -> schema.setAll(listOf(field, templateOr(integerValue(field))));
            case ACTION_LIST -> {
                schema.put("type", "array");
                schema.put("maxItems", ActionsValidator.MAX_ACTIONS);
                schema.putObject("items").put("$ref", "#");
            }
            case STRING_OR_OBJECT -> schema.putArray("type").add("string").add("object");
        }
        return schema;
    }

    private static ObjectNode textValue(OptionField field) {
        ObjectNode value = NODES.objectNode().put("type", "string");
        if (!field.allowed().isEmpty()) {
            ArrayNode values = value.putArray("enum");
            field.allowed().forEach(values::add);
        }
        if (field.minLength() != null) {
            value.put("minLength", field.minLength());
        }
        if (field.maxLength() != null) {
            value.put("maxLength", field.maxLength());
        }
        if (field.format().pattern() != null) {
            value.put("pattern", field.format().pattern());
        }
        if (field.format().schemaFormat() != null) {
            value.put("format", field.format().schemaFormat());
        }
        return value;
    }

    private static ObjectNode integerValue(OptionField field) {
        // The validator bounds every integer to 32 bits when the catalogue names no range.
        return NODES.objectNode()
                .put("type", "integer")
                .put("minimum", field.minimum() == null ? Integer.MIN_VALUE : field.minimum())
                .put("maximum", field.maximum() == null ? Integer.MAX_VALUE : field.maximum());
    }

    private static ObjectNode uuidValue() {
        return NODES.objectNode()
                .put("type", "string")
                .put("format", "uuid")
                .put("pattern", ActionsValidator.UUID_PATTERN);
    }

    /**
     * The value's own schema, or else a {@code ${variable}} string, which the validator
     * accepts unchecked because only its substituted value can be judged.
     */
    private static ObjectNode templateOr(ObjectNode value) {
        if (value.size() == 1 && value.path("type").asText().equals("string")) {
            return value; // any string already passes
        }
        ObjectNode either = NODES.objectNode();
        ArrayNode choices = either.putArray("anyOf");
        choices.add(value);
        choices.addObject().put("type", "string").put("pattern", TEMPLATE_PATTERN);
        return either;
    }

    private static ObjectNode listOf(OptionField field, ObjectNode items) {
        ObjectNode list = NODES.objectNode().put("type", "array");
        if (field.minItems() != null) {
            list.put("minItems", field.minItems());
        }
        if (field.maxItems() != null) {
            list.put("maxItems", field.maxItems());
        }
        list.set("items", items);
        return list;
    }

    private static ArrayNode ids(java.util.UUID... reserved) {
        ArrayNode values = NODES.arrayNode();
        for (java.util.UUID id : reserved) {
            values.add(id.toString());
        }
        return values;
    }

    private static String kindName(OptionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
