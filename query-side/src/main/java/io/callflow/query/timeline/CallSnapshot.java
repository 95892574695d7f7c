package io.callflow.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.common.Timestamps;
import io.callflow.query.StoredJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The call as the API shows it after each of its events, folded from the events alone: VoIPbin's
 * timeline {@code data}, "the resource's webhook-format JSON as it was at that moment" (reference 1.4).
 * It has the fields of {@code GET /v1/calls/{id}} that the call's own events decide; its chained calls
 * are decided by theirs and are not in it.
 */
final class CallSnapshot {
    private static final String EVENTS = "io.callflow.domain.call.";
    private final ObjectNode call = JsonNodeFactory.instance.objectNode();

    /** The call after the event, as a new tree; null for an event before the call's creation. */
    JsonNode after(String payloadType, byte[] payload) {
        JsonNode event = StoredJson.tree(payload);
        String at = time(event.path("at").asText(null));
        String type = payloadType.startsWith(EVENTS) ? payloadType.substring(EVENTS.length()) : payloadType;
        if ("CallCreated".equals(type)) {
            created(event, at);
        } else if (call.isEmpty()) {
            return null;
        }
        // tm_update moves with the events that change the call's row in GET /v1/calls/{id}, as CallProjection's
        boolean updated = switch (type) {
            case "CallCreated" -> true;
            case "CallStatusChanged" -> {
                String status = event.path("status").asText();
                call.put("status", status);
                if ("ringing".equals(status)) {
                    call.put("tm_ringing", at);
                } else if ("progressing".equals(status)) {
                    call.put("tm_progressing", at);
                }
                yield true;
            }
            case "CallHungUp" -> {
                call.put("status", "hangup");
                call.put("hangup_by", event.path("by").asText(""));
                call.put("hangup_reason", event.path("reason").asText(""));
                call.put("tm_hangup", at);
                yield true;
            }
            case "CallDigitReceived" -> {
                call.put("digits", call.path("digits").asText("") + event.path("digit").asText(""));
                yield true;
            }
            case "CallRecordingStarted" -> {
                call.set("recording_id", event.get("recording_id"));
                ((ArrayNode) call.get("recording_ids")).add(event.get("recording_id"));
                yield true;
            }
            case "CallRecordingFinished" -> {
                boolean current = call.path("recording_id").asText("").equals(event.path("recording_id").asText());
                if (current) {
                    call.putNull("recording_id");
                }
                yield current;
            }
            case "CallMuteChanged" -> {
                call.put("mute_direction", event.path("mute_direction").asText(""));
                yield true;
            }
            default -> false;
        };
        if (updated) {
            call.put("tm_update", at);
        }
        return call.deepCopy();
    }

    private void created(JsonNode event, String at) {
        call.removeAll();
        call.set("id", event.get("call_id"));
        call.set("customer_id", event.get("customer_id"));
        call.set("flow_id", event.path("flow_id").isMissingNode() ? null : event.get("flow_id"));
        call.set("activeflow_id", event.path("activeflow_id").isMissingNode() ? null : event.get("activeflow_id"));
        call.put("type", "flow");
        call.set("master_call_id", event.path("master_call_id").isMissingNode() ? null : event.get("master_call_id"));
        call.putNull("recording_id");
        call.putArray("recording_ids");
        call.set("source", event.get("source"));
        call.set("destination", event.get("destination"));
        call.put("status", "dialing");
        call.set("direction", event.get("direction"));
        call.put("mute_direction", "");
        call.put("digits", "");
        call.put("hangup_by", "");
        call.put("hangup_reason", "");
        call.put("tm_create", at);
        call.put("tm_update", at);
        call.putNull("tm_ringing");
        call.putNull("tm_progressing");
        call.putNull("tm_hangup");
    }

    private static String time(String at) {
        if (at == null) {
            return null;
        }
        try {
            // rounded to the microsecond as PostgreSQL stores it, so the times equal GET /v1/calls/{id}'s
            return Timestamps.format(Instant.parse(at).plusNanos(500));
        } catch (DateTimeParseException e) {
            return at;
        }
    }
}
