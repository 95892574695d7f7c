package io.callflow.engine.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code ${name}} substitution (reference section 5.3), done the way D9 asks: only
 * inside strings, so numbers, booleans and arrays of numbers keep their JSON types.
 * The name runs to the first {@code }}; an unknown name becomes the empty string.
 */
public final class Substitution {

    private Substitution() {
    }

    public static String text(String template, Map<String, String> variables) {
        int open = template.indexOf("${");
        if (open < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open + 2);
            if (close < 0) {
                break;
            }
            out.append(template, from, open);
            out.append(variables.getOrDefault(template.substring(open + 2, close), ""));
            from = close + 1;
            open = template.indexOf("${", from);
        }
        out.append(template, from, template.length());
        return out.toString();
    }

    /** A substituted copy of {@code option}; the original (the stored template) is never changed. */
    public static ObjectNode option(ObjectNode option, Map<String, String> variables) {
        if (!containsTemplate(option)) {
            return option;
        }
        return (ObjectNode) node(option, variables);
    }

    private static JsonNode node(JsonNode node, Map<String, String> variables) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(text(node.textValue(), variables));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), node(field.getValue(), variables));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> copy.add(node(item, variables)));
            return copy;
        }
        return node;
    }

    private static boolean containsTemplate(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().contains("${");
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (containsTemplate(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
