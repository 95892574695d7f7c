package io.callflow.media.calls;

import io.callflow.domain.call.Address;
import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code voipbin.call.*} variables a call's activeflow starts with (reference 5.5). */
final class CallVariables {
    private CallVariables() {
    }

    static Map<String, String> of(CallId callId, CallDirection direction, Address source, Address destination) {
        return of(callId, direction, source, destination, null);
    }

    static Map<String, String> of(CallId callId, CallDirection direction, Address source, Address destination,
                                  CallId masterCallId) {
        Map<String, String> variables = new HashMap<>();
        variables.put("voipbin.call.id", callId.toString());
        variables.put("voipbin.call.direction", direction.name().toLowerCase(Locale.ROOT));
        variables.put("voipbin.call.master_call_id", masterCallId == null ? "" : masterCallId.toString());
        variables.put("voipbin.call.digits", "");
        put(variables, "voipbin.call.source.", source);
        put(variables, "voipbin.call.destination.", destination);
        return Map.copyOf(variables);
    }

    private static void put(Map<String, String> variables, String prefix, Address address) {
        variables.put(prefix + "type", nonNull(address.type()));
        variables.put(prefix + "target", nonNull(address.target()));
        variables.put(prefix + "target_name", nonNull(address.targetName()));
        variables.put(prefix + "name", nonNull(address.name()));
        variables.put(prefix + "detail", nonNull(address.detail()));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
