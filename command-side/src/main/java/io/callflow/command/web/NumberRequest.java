package io.callflow.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.flow.FlowId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of POST and PUT /v1/numbers, validated whole: every problem in one answer. The flow field
 * is VoIPbin's {@code call_flow_id} (there is no {@code flow_id} alias). PUT replaces {@code
 * call_flow_id}, {@code name} and {@code detail}; the number itself cannot change, so PUT does not accept it.
 */
record NumberRequest(String number, FlowId callFlowId, String name, String detail) {

    /** E.164: a plus, then up to 15 digits with no leading zero. */
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    /** A SIP user part as the SIP edge matches it (a leading plus means E.164, see above). */
    static final Pattern USER_PART = Pattern.compile("[A-Za-z0-9._-][A-Za-z0-9._+-]{0,63}");

    private static final Set<String> CREATE_FIELDS = Set.of("number", "call_flow_id", "name", "detail");
    private static final Set<String> UPDATE_FIELDS = Set.of("call_flow_id", "name", "detail");

    static NumberRequest create(byte[] body) {
        return read(body, CREATE_FIELDS);
    }

    static NumberRequest update(byte[] body) {
        return read(body, UPDATE_FIELDS);
    }

    private static NumberRequest read(byte[] body, Set<String> allowed) {
        JsonNode json = RequestJson.object(body);
        Fields fields = new Fields(json, allowed);
        String number = null;
        if (allowed.contains("number")) {
            number = fields.text("number", null, 64); // a longer one is reported by text(), once
            if (number == null) {
                fields.problem("number", "is required: an E.164 number like +15551234567 or a SIP user part");
            } else if (number.length() <= 64
                    && !(number.startsWith("+") ? E164 : USER_PART).matcher(number).matches()) {
                fields.problem("number", "must be an E.164 number (+ and up to 15 digits, like +15551234567) "
                        + "or a SIP user part of 1 to 64 letters, digits and . _ - +");
            }
        }
        FlowId callFlowId = fields.id("call_flow_id").map(FlowId::new).orElse(null);
        String name = fields.text("name", "", 255);
        String detail = fields.text("detail", "", 4096);
        if (!fields.problems().isEmpty()) {
            throw new BadRequest(fields.problems());
        }
        return new NumberRequest(number, callFlowId, name, detail);
    }
}
