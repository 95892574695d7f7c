package io.callflow.command.web;

import io.callflow.domain.action.JsonPointers;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.PayloadTooLarge;
import java.io.IOException;

/** Reads a request body as JSON, or says exactly why it is not. */
public final class RequestJson {
    /** The largest body any endpoint accepts (a flow of 1,000 actions fits well within it). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private RequestJson() {
    }

    public static JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequest("", "the request body is empty; a JSON object is expected");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLarge(MAX_BODY_BYTES);
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadRequest("", "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("", "unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest("", "a JSON object is expected");
        }
        String nul = nulAt(node, "");
        if (nul != null) {
            // PostgreSQL cannot store U+0000 in text or jsonb: refuse it here rather than wedge a projection later
            throw new BadRequest(nul, "must not contain the NUL character (\\u0000)");
        }
        return node;
    }

    /** The pointer of the first field name or string value that holds U+0000, or null. */
    private static String nulAt(JsonNode node, String pointer) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? pointer : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulAt(node.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String child = JsonPointers.child(pointer, field.getKey());
                if (field.getKey().indexOf('\0') >= 0) {
                    return child;
                }
                String found = nulAt(field.getValue(), child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
