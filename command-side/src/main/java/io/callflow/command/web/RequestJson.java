package io.callflow.command.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.PayloadTooLarge;
import io.callflow.domain.common.StorableText;
import java.io.IOException;

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
        // PostgreSQL cannot store U+0000 or half a surrogate pair: refuse them here rather than fail to store later
        StorableText.Problem unstorable = StorableText.check(node);
        if (unstorable != null) {
            throw new BadRequest(unstorable.pointer(), unstorable.message());
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
}
