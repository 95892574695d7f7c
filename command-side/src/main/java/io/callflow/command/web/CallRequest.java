package io.callflow.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionCatalogue;
import io.callflow.domain.call.Address;
import io.callflow.domain.flow.FlowId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The body of POST /v1/calls (VoIPbin's shape): {@code source}, {@code destinations},
 * {@code flow_id} or {@code actions}, and optionally the {@code trunk_id} that {@code tel}
 * destinations go through (default: the customer's oldest trunk). Only {@code tel} and
 * {@code sip} destinations make calls (reference 6.4); the others are refused with their pointer.
 */
record CallRequest(Address source, List<Address> destinations, FlowId flowId, List<Action> actions, UUID trunkId) {

    private static final Set<String> FIELDS = Set.of("source", "destinations", "flow_id", "actions", "trunk_id");
    private static final Set<String> ADDRESS_FIELDS = Set.of("type", "target", "target_name", "name", "detail");
    private static final Pattern TEL = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern SIP = Pattern.compile("(sip:)?[A-Za-z0-9._~+!$&'()*,;=%-]{1,64}@[A-Za-z0-9.\\-\\[\\]:]{1,255}");

    static CallRequest read(byte[] body) {
        JsonNode json = RequestJson.object(body);
        Fields fields = new Fields(json, FIELDS);
        FlowOrActions runs = FlowOrActions.read(json, fields);
        FlowId flowId = runs.flowId();
        List<Action> actions = runs.actions();
        Address source = address(json.get("source"), "/source", fields, true);
        List<Address> destinations = destinations(json.get("destinations"), fields);
        UUID trunkId = fields.id("trunk_id").orElse(null);
        if (!fields.problems().isEmpty()) {
            throw new io.callflow.domain.common.BadRequest(fields.problems());
        }
        return new CallRequest(source == null ? Address.of("sip", "anonymous@invalid") : source, destinations, flowId,
                actions, trunkId);
    }

    private static List<Address> destinations(JsonNode json, Fields fields) {
        List<Address> destinations = new ArrayList<>();
        if (json == null || json.isNull()) {
            fields.problem("destinations", "is required: at least one tel or sip address");
            return destinations;
        }
        if (!json.isArray() || json.isEmpty() || json.size() > ActionCatalogue.MAX_DESTINATIONS) {
            fields.problem("destinations", "must be an array of 1 to " + ActionCatalogue.MAX_DESTINATIONS
                    + " addresses");
            return destinations;
        }
        for (int i = 0; i < json.size(); i++) {
            Address address = address(json.get(i), "/destinations/" + i, fields, false);
            if (address != null) {
                destinations.add(address);
            }
        }
        return destinations;
    }

    private static Address address(JsonNode json, String at, Fields fields, boolean optional) {
        if (json == null || json.isNull()) {
            if (!optional) {
                fields.problemAt(at, "is required");
            }
            return null;
        }
        if (!json.isObject()) {
            fields.problemAt(at, "must be an address object with type and target");
            return null;
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!ADDRESS_FIELDS.contains(name)) {
                fields.problemAt(at + "/" + name, "is not a field of an address");
            }
        });
        String type = json.path("type").asText("");
        String target = json.path("target").asText("");
        if (!"tel".equals(type) && !"sip".equals(type)) {
            fields.problemAt(at + "/type", optional ? "must be tel or sip"
                    : "must be tel or sip: only those become calls here");
            return null;
        }
        if ("tel".equals(type) && !TEL.matcher(target).matches()) {
            fields.problemAt(at + "/target", "must be a phone number: + and 3 to 20 digits");
            return null;
        }
        if ("sip".equals(type) && !SIP.matcher(target).matches()) {
            fields.problemAt(at + "/target", "must be a SIP address user@host[:port]");
            return null;
        }
        return new Address(type, target, json.path("target_name").asText(""), json.path("name").asText(""),
                json.path("detail").asText(""));
    }
}
