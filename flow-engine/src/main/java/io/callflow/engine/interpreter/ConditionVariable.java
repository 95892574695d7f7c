package io.callflow.engine.interpreter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code condition_variable} (reference 4.3): compares a variable with a value as
 * text, as a number or by length. The variable is named bare or as {@code ${name}}
 * (D19); any other template text is compared as substituted.
 */
final class ConditionVariable {

    private ConditionVariable() {
    }

    static boolean matches(ObjectNode rawOption, ObjectNode option, Map<String, String> variables) {
        String raw = Options.text(rawOption, "variable", "").trim();
        String name = Options.variableName(raw);
        boolean named = !name.contains("${");
        String value = named ? variables.getOrDefault(name, "") : Options.text(option, "variable", "");
        var comparison = Comparison.of(Options.text(option, "condition", ""));
        if (comparison.isEmpty()) {
            return false;
        }
        String valueType = Options.text(option, "value_type", "string");
        switch (valueType) {
            case "string":
                return comparison.get().holds(Integer.signum(value.compareTo(Options.text(option, "value_string", ""))));
            case "number":
                try {
                    double left = Double.parseDouble(value.trim());
                    double right = Double.parseDouble(Options.text(option, "value_number", "0"));
                    return comparison.get().holds(Double.compare(left, right));
                } catch (NumberFormatException e) {
                    return false;
                }
            case "length":
                long length = value.codePointCount(0, value.length());
                return Options.number(option, "value_length")
                        .map(expected -> comparison.get().holds(Long.compare(length, expected)))
                        .orElse(false);
            default:
                return false;
        }
    }
}
