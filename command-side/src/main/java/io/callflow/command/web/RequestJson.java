package io.callflow.command.web;

import io.callflow.domain.action.JsonPointers;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.PayloadTooLarge;
import java.io.IOException;
import java.util.function.Predicate;

/** Reads a request body as JSON, or says exactly why it is not. */
public final class RequestJson {
    /** The largest body any endpoint accepts (a flow of 1,000 actions fits well within it). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** A name given twice in one object is refused: which of the two was meant cannot be known. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

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
            node = READER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadRequest(pointerOf(e), "malformed JSON" + where + ": " + plain(e.getOriginalMessage()));
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
        String surrogate = unpairedSurrogateAt(node, "");
        if (surrogate != null) {
            // half of a UTF-16 pair (\\ud800 alone) is no character and has no UTF-8 form: it cannot be stored
            throw new BadRequest(surrogate, "must not contain an unpaired UTF-16 surrogate (such as \\ud800 alone)");
        }
        return node;
    }

    /** The pointer of a name given twice (the parser stops on its second appearance); "" for other errors. */
    private static String pointerOf(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null
                && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            JsonStreamContext context = parser.getParsingContext();
            if (context.inObject() && context.getCurrentName() != null) {
                return context.pathAsPointer().toString();
            }
        }
        return "";
    }

    /** Jackson's message without its notes on where the source is and which feature would allow it. */
    private static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message.replaceAll(", from `[^`]*`", "");
        for (String cut : new String[] {" (for ", " at [Source", "\n at [Source", ": enable `", "; enable `"}) {
            int at = text.indexOf(cut);
            if (at > 0) {
                text = text.substring(0, at);
            }
        }
        return text.strip();
    }

    /** The pointer of the first field name or string value that holds U+0000, or null. */
    private static String nulAt(JsonNode node, String pointer) {
        return textAt(node, pointer, text -> text.indexOf('\0') >= 0);
    }

    private static String unpairedSurrogateAt(JsonNode node, String pointer) {
        return textAt(node, pointer, RequestJson::hasUnpairedSurrogate);
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The pointer of the first field name or string value that {@code bad} holds for, or null. */
    private static String textAt(JsonNode node, String pointer, Predicate<String> bad) {
        if (node.isTextual()) {
            return bad.test(node.textValue()) ? pointer : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = textAt(node.get(i), pointer + "/" + i, bad);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String child = JsonPointers.child(pointer, field.getKey());
                if (bad.test(field.getKey())) {
                    return child;
                }
                String found = textAt(field.getValue(), child, bad);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
