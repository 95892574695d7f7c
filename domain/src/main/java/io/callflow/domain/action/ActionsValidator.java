package io.callflow.domain.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an action list as a flow designer or a fetch endpoint sent it, and says
 * everything that is wrong with it at once, each problem with the JSON pointer of the
 * offending value. VoIPbin checks little more than the type and finds the rest at run
 * time, where a bad target kills the call (reference 2.3, D6, D11); here a list is
 * either wholly valid or refused.
 *
 * <p>The option rules come from {@link ActionCatalogue}, which {@link ActionSchema}
 * publishes too.
 */
public final class ActionsValidator {

    /** The most actions one list (a flow, a fetch response, a nested call list) may hold. */
    public static final int MAX_ACTIONS = 1000;
    /** How deep action lists may nest inside options (call.actions inside call.actions ...). */
    public static final int MAX_NESTING = 8;
    /** The fields an action object may carry (reference 2.1). */
    public static final List<String> ACTION_FIELDS = List.of("id", "next_id", "type", "option", "tm_execute");
    /** Canonical 8-4-4-4-12 form; {@link UUID#fromString} alone also takes "1-2-3-4-5". */
    public static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private static final Pattern UUID_TEXT = Pattern.compile(UUID_PATTERN);
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    /** Names people try from other platforms or VoIPbin's old docs, with what to use instead. */
    private static final Map<String, String> NOT_ACTION_TYPES = Map.of(
            "agent_call", "use connect with a destination of type agent",
            "hangup_relay", "use hangup with reference_id",
            "chatbot_talk", "use ai_talk");
    private static final String ACTION_FIELDS_TEXT = String.join(", ", ACTION_FIELDS);

    public ActionsParse parse(JsonNode actions, String at, Supplier<UUID> ids) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(ids, "ids");
        List<Problem> problems = new ArrayList<>();
        List<Action> read = new ListReader(ids, 0, problems).read(actions, at);
        return problems.isEmpty() ? new ActionsParse(read, List.of()) : new ActionsParse(List.of(), problems);
    }

    /** Reads one list in its own id scope; jump targets must name an action of this same list. */
    private static final class ListReader {
        private final Supplier<UUID> ids;
        private final int depth;
        private final List<Problem> out;

        ListReader(Supplier<UUID> ids, int depth, List<Problem> out) {
            this.ids = ids;
            this.depth = depth;
            this.out = out;
        }

        List<Action> read(JsonNode node, String at) {
            if (node == null || !node.isArray()) {
                out.add(new Problem(at, "must be an array of actions"));
                return List.of();
            }
            if (node.size() > MAX_ACTIONS) {
                // Checking each of a huge list would only multiply the work and the noise.
                out.add(new Problem(at, "must hold at most " + MAX_ACTIONS + " actions, not " + node.size()));
                return List.of();
            }
            Map<UUID, String> idOwners = new HashMap<>();
            List<Element> elements = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                elements.add(readElement(node.get(i), JsonPointers.child(at, i), idOwners));
            }
            // Targets may point forward, so they are resolved once every id of the list is known.
            List<Action> actions = new ArrayList<>(elements.size());
            for (Element element : elements) {
                for (Jump jump : element.jumps) {
                    if (!idOwners.containsKey(jump.target())) {
                        element.problem(jump.pointer(), jump.unresolved());
                    }
                }
                out.addAll(element.problems);
                if (element.action != null) {
                    actions.add(element.action);
                }
            }
            return actions;
        }

        private Element readElement(JsonNode node, String at, Map<UUID, String> idOwners) {
            Element element = new Element();
            if (!node.isObject()) {
                element.problem(at, "must be an object (an action)");
                return element;
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!ACTION_FIELDS.contains(name)) {
                    element.problem(JsonPointers.child(at, name),
                            "is not a field of an action (allowed: " + ACTION_FIELDS_TEXT + ")");
                }
            }
            UUID id = readId(node.get("id"), at, idOwners, element);
            ActionType type = readType(node.get("type"), JsonPointers.child(at, "type"), element);
            UUID nextId = readNextId(node.get("next_id"), JsonPointers.child(at, "next_id"), element);
            ObjectNode option = readOption(node.get("option"), JsonPointers.child(at, "option"), type, element);
            JsonNode tmExecute = node.get("tm_execute");
            if (tmExecute != null && !tmExecute.isNull() && !tmExecute.isTextual()) {
                element.problem(JsonPointers.child(at, "tm_execute"), "must be a timestamp string or null");
            }
            if (id != null && type != null && option != null) {
                element.action = new Action(id, nextId, type.wireName(), option);
            }
            return element;
        }

        private UUID readId(JsonNode node, String actionAt, Map<UUID, String> idOwners, Element element) {
            String at = JsonPointers.child(actionAt, "id");
            UUID id;
            if (node == null || node.isNull() || isEmptyText(node)) {
                id = ids.get();
            } else {
                Optional<UUID> given = uuidOf(node);
                if (given.isEmpty()) {
                    element.problem(at, "must be a UUID string, or be left out to have one assigned");
                    return null;
                }
                id = given.get();
                if (ReservedIds.EMPTY.equals(id)) {
                    // The nil UUID means "not set" (reference 1.1), and VoIPbin assigns one then (2.3).
                    id = ids.get();
                } else if (ReservedIds.isReserved(id)) {
                    element.problem(at, "is the reserved " + reservedName(id)
                            + " id; leave id out to have one assigned");
                    return null;
                }
            }
            String owner = idOwners.putIfAbsent(id, actionAt);
            if (owner != null) {
                element.problem(at, "repeats the id of the action at " + owner);
                return null;
            }
            return id;
        }

        private ActionType readType(JsonNode node, String at, Element element) {
            if (node == null || node.isNull()) {
                element.problem(at, "is required");
                return null;
            }
            if (!node.isTextual()) {
                element.problem(at, "must be a string naming an action type");
                return null;
            }
            String name = node.asText();
            Optional<ActionType> type = ActionType.fromWireName(name);
            if (type.isEmpty()) {
                String hint = NOT_ACTION_TYPES.get(name);
                element.problem(at, quote(name) + " is not an action type" + (hint == null ? "" : "; " + hint));
                return null;
            }
            return type.get();
        }

        private UUID readNextId(JsonNode node, String at, Element element) {
            if (node == null || node.isNull() || isEmptyText(node)) {
                return null; // "" is how many clients write "not set", as the nil UUID is
            }
            Optional<UUID> next = uuidOf(node);
            if (next.isEmpty()) {
                element.problem(at, "must be the id of an action of this list, or the finish id " + ReservedIds.FINISH);
                return null;
            }
            UUID id = next.get();
            if (ReservedIds.EMPTY.equals(id)) {
                return null;
            }
            if (ReservedIds.FINISH.equals(id)) {
                return id;
            }
            if (ReservedIds.isReserved(id)) {
                element.problem(at, "is the reserved " + reservedName(id) + " id; next_id may name an action "
                        + "of this list or the finish id " + ReservedIds.FINISH);
                return null;
            }
            element.jumps.add(new Jump(at, id, "names no action of this list; next_id must name an action "
                    + "of this list or be the finish id " + ReservedIds.FINISH));
            return id;
        }

        private ObjectNode readOption(JsonNode node, String at, ActionType type, Element element) {
            if (node == null || node.isNull()) {
                // an absent option is an empty one, and still owes its required fields
                node = JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                element.problem(at, "must be an object");
                return null;
            }
            if (type != null) {
                List<OptionField> fields = ActionCatalogue.fields(type);
                String unknown = fields.isEmpty()
                        ? "is not an option of " + type.wireName() + ", which takes no options"
                        : "is not an option of " + type.wireName() + " (its options: " + names(fields) + ")";
                checkFields(fields, node, at, unknown, element);
            }
            // A copy, so the stored action never shares a tree the caller may still change.
            return ((ObjectNode) node).deepCopy();
        }

        private void checkFields(List<OptionField> fields, JsonNode object, String at, String unknownMessage,
                                 Element element) {
            Map<String, OptionField> byName = new LinkedHashMap<>();
            fields.forEach(f -> byName.put(f.name(), f));
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!byName.containsKey(name)) {
                    element.problem(JsonPointers.child(at, name), unknownMessage);
                }
            }
            for (OptionField field : fields) {
                JsonNode value = object.get(field.name());
                String fieldAt = JsonPointers.child(at, field.name());
                if (value == null || value.isNull() || isEmptyText(value) && field.kind().emptyTextMeansUnset()) {
                    if (field.required()) {
                        element.problem(fieldAt, "is required");
                    }
                } else {
                    checkValue(field, value, fieldAt, element);
                }
            }
        }

        private void checkValue(OptionField field, JsonNode value, String at, Element element) {
            switch (field.kind()) {
                case STRING -> {
                    if (!value.isTextual()) {
                        element.problem(at, "must be a string");
                    } else {
                        checkText(field, value.asText(), at, element);
                    }
                }
                case INTEGER -> checkInteger(field, value, at, element);
                case NUMBER -> {
                    boolean ok = isTemplate(value)
                            || value.isNumber() && (!value.isFloatingPointNumber() || Double.isFinite(value.doubleValue()));
                    if (!ok) {
                        element.problem(at, "must be a number");
                    }
                }
                case BOOLEAN -> {
                    if (!value.isBoolean() && !isTemplate(value)) {
                        element.problem(at, "must be true or false");
                    }
                }
                case UUID -> {
                    if (isTemplate(value)) {
                        return;
                    }
                    Optional<UUID> id = uuidOf(value);
                    if (id.isEmpty()) {
                        element.problem(at, "must be a UUID");
                    } else if (field.required() && ReservedIds.EMPTY.equals(id.get())) {
                        element.problem(at, "is required (the nil UUID means not set)");
                    }
                }
                case ACTION_TARGET -> checkTarget(field.required(), true, value, at, element);
                case ACTION_TARGET_MAP -> {
                    if (!value.isObject()) {
                        element.problem(at, "must be an object mapping each value to the id of an action of this list");
                        return;
                    }
                    value.properties().forEach(entry ->
                            checkTarget(true, false, entry.getValue(), JsonPointers.child(at, entry.getKey()), element));
                }
                case OBJECT -> checkObject(field, value, at, element);
                case OBJECT_LIST -> {
                    if (!value.isArray()) {
                        element.problem(at, "must be an array of objects with fields " + names(field.fields()));
                    } else if (checkItems(field, value, at, element)) {
                        for (int i = 0; i < value.size(); i++) {
                            checkObject(field, value.get(i), JsonPointers.child(at, i), element);
                        }
                    }
                }
                case STRING_LIST -> {
                    if (!value.isArray()) {
                        element.problem(at, "must be an array of strings");
                    } else if (checkItems(field, value, at, element)) {
                        for (int i = 0; i < value.size(); i++) {
                            JsonNode item = value.get(i);
                            if (!item.isTextual()) {
                                element.problem(JsonPointers.child(at, i), "must be a string");
                            } else {
                                checkText(field, item.asText(), JsonPointers.child(at, i), element);
                            }
                        }
                    }
                }
                case INTEGER_LIST -> {
                    if (!value.isArray()) {
                        element.problem(at, "must be an array of integers");
                    } else if (checkItems(field, value, at, element)) {
                        for (int i = 0; i < value.size(); i++) {
                            checkInteger(field, value.get(i), JsonPointers.child(at, i), element);
                        }
                    }
                }
                case ACTION_LIST -> {
                    if (depth + 1 > MAX_NESTING) {
                        element.problem(at, "nests action lists deeper than " + MAX_NESTING + " levels");
                        return;
                    }
                    // Nested actions keep their option as sent; the ids drawn here only serve the
                    // checks, and the flow built from them when the call runs assigns its own.
                    new ListReader(UUID::randomUUID, depth + 1, element.problems).read(value, at);
                }
                case STRING_OR_OBJECT -> {
                    if (!value.isTextual() && !value.isObject()) {
                        element.problem(at, "must be a string or an object");
                    }
                }
            }
        }

        private void checkObject(OptionField field, JsonNode value, String at, Element element) {
            if (!value.isObject()) {
                element.problem(at, "must be an object with fields " + names(field.fields()));
                return;
            }
            checkFields(field.fields(), value, at,
                    "is not a field of " + field.name() + " (its fields: " + names(field.fields()) + ")", element);
        }

        /** Checks a list's size; false when it is too long to be worth reading element by element. */
        private boolean checkItems(OptionField field, JsonNode list, String at, Element element) {
            if (field.minItems() != null && list.size() < field.minItems()) {
                element.problem(at, "must hold at least " + field.minItems() + (field.minItems() == 1 ? " item" : " items"));
            }
            if (field.maxItems() != null && list.size() > field.maxItems()) {
                element.problem(at, "must hold at most " + field.maxItems() + " items, not " + list.size());
                return false;
            }
            return true;
        }

        private void checkTarget(boolean required, boolean nilMeansUnset, JsonNode value, String at, Element element) {
            if (isTemplate(value)) {
                element.problem(at, "must be the literal id of an action of this list; "
                        + "jump targets are checked when the flow is saved, so they cannot be variables");
                return;
            }
            Optional<UUID> id = uuidOf(value);
            if (id.isEmpty()) {
                element.problem(at, "must be the id of an action of this list");
                return;
            }
            if (ReservedIds.EMPTY.equals(id.get())) {
                if (!nilMeansUnset) {
                    element.problem(at, "must be the id of an action of this list, not the nil UUID");
                } else if (required) {
                    element.problem(at, "is required (the nil UUID means not set)");
                }
                return;
            }
            element.jumps.add(new Jump(at, id.get(), "names no action of this list"));
        }

        private void checkText(OptionField field, String text, String at, Element element) {
            if (OptionKind.isTemplate(text)) {
                return; // only the substituted value can be held to the rules below
            }
            if (!field.allowed().isEmpty()) {
                if (!field.allowed().contains(text)) {
                    element.problem(at, "must be one of " + allowedText(field.allowed()));
                }
                return;
            }
            int length = text.codePointCount(0, text.length()); // as JSON Schema counts maxLength
            if (field.minLength() != null && length < field.minLength()) {
                element.problem(at, field.minLength() == 1
                        ? "must not be empty"
                        : "must be at least " + field.minLength() + " characters");
                return;
            }
            boolean tooLong = field.maxLength() != null && length > field.maxLength();
            if (tooLong || !field.format().accepts(text)) {
                element.problem(at, field.format().requirement(field.maxLength()));
            }
        }

        private void checkInteger(OptionField field, JsonNode value, String at, Element element) {
            if (isTemplate(value)) {
                return;
            }
            BigDecimal min = field.minimum() == null ? INT_MIN : BigDecimal.valueOf(field.minimum());
            BigDecimal max = field.maximum() == null ? INT_MAX : BigDecimal.valueOf(field.maximum());
            BigDecimal number = exactNumber(value);
            boolean ok = number != null
                    && number.compareTo(min) >= 0
                    && number.compareTo(max) <= 0
                    && number.stripTrailingZeros().scale() <= 0;
            if (!ok) {
                element.problem(at, "must be an integer from " + min + " to " + max);
            }
        }
    }

    /** What one array element produced: its problems, the jumps still to resolve, and the action. */
    private static final class Element {
        final List<Problem> problems = new ArrayList<>();
        final List<Jump> jumps = new ArrayList<>();
        Action action;

        void problem(String pointer, String message) {
            problems.add(new Problem(pointer, message));
        }
    }

    /** A reference to an action of the same list, with the message to give if it names none. */
    private record Jump(String pointer, UUID target, String unresolved) {
    }

    /** The exact value of a JSON number, or null when it is not a finite number. */
    private static BigDecimal exactNumber(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return new BigDecimal(value.bigIntegerValue());
        }
        if (value.isBigDecimal()) {
            return value.decimalValue();
        }
        double d = value.doubleValue();
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }

    private static boolean isEmptyText(JsonNode value) {
        return value.isTextual() && value.textValue().isEmpty();
    }

    private static boolean isTemplate(JsonNode value) {
        return value.isTextual() && OptionKind.isTemplate(value.asText());
    }

    private static Optional<UUID> uuidOf(JsonNode node) {
        if (!node.isTextual() || !UUID_TEXT.matcher(node.asText()).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(node.asText()));
    }

    private static String reservedName(UUID id) {
        if (ReservedIds.EMPTY.equals(id)) {
            return "empty";
        }
        if (ReservedIds.START.equals(id)) {
            return "start";
        }
        if (ReservedIds.FINISH.equals(id)) {
            return "finish";
        }
        return "next";
    }

    private static String names(List<OptionField> fields) {
        return fields.stream().map(OptionField::name).collect(Collectors.joining(", "));
    }

    private static String allowedText(List<String> allowed) {
        return allowed.stream().map(v -> v.isEmpty() ? "\"\"" : v).collect(Collectors.joining(", "));
    }

    /** Quotes a user value for a message, cut short so a huge value cannot flood the answer. */
    private static String quote(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "\"" + shown + "\"";
    }
}
