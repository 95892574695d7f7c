package io.callflow.query.call;

import io.callflow.domain.call.CallResource;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Caller;
import io.callflow.domain.common.Page;
import io.callflow.domain.common.PathIds;
import io.callflow.query.ListCursor;
import io.callflow.query.PageSize;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading calls and recordings. Creating and hanging up calls are in the command side. */
@RestController
public class CallQueryController {
    private static final Set<String> STATUSES = Set.of("dialing", "ringing", "progressing", "terminating",
            "canceling", "hangup");
    private static final Set<String> DIRECTIONS = Set.of("incoming", "outgoing");

    private final CallQueries calls;

    public CallQueryController(CallQueries calls) {
        this.calls = calls;
    }

    @GetMapping("/v1/calls")
    public Page<CallResource> list(@RequestParam(name = "status", required = false) String status,
                               @RequestParam(name = "direction", required = false) String direction,
                               @RequestParam(name = "activeflow_id", required = false) String activeflowId,
                               @RequestParam(name = "page_size", required = false) String pageSize,
                               @RequestParam(name = "page_token", required = false) String pageToken,
                               @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        CallQueries.Filter filter = new CallQueries.Filter(oneOf("/status", status, STATUSES),
                oneOf("/direction", direction, DIRECTIONS), uuid("/activeflow_id", activeflowId));
        return calls.list(caller.customerId(), filter, PageSize.parse(pageSize), ListCursor.parse(pageToken));
    }

    @GetMapping("/v1/calls/{id}")
    public CallResource get(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return calls.get(caller.customerId(), PathIds.parse(id, "call"));
    }

    @GetMapping("/v1/recordings")
    public Page<RecordingView> recordings(@RequestParam(name = "page_size", required = false) String pageSize,
                                          @RequestParam(name = "page_token", required = false) String pageToken,
                                          @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return calls.recordings(caller.customerId(), PageSize.parse(pageSize), ListCursor.parse(pageToken));
    }

    @GetMapping("/v1/recordings/{id}")
    public RecordingView recording(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return calls.recording(caller.customerId(), PathIds.parse(id, "recording"));
    }

    @GetMapping("/v1/recordings/{id}/file")
    public ResponseEntity<Resource> file(@PathVariable("id") String id,
                                         @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        UUID recording = PathIds.parse(id, "recording");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .header("Content-Disposition", "attachment; filename=\"" + recording + ".wav\"")
                .body(new FileSystemResource(calls.recordingFile(caller.customerId(), recording)));
    }

    private static String oneOf(String pointer, String text, Set<String> allowed) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!allowed.contains(text)) {
            throw new BadRequest(pointer, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return text;
    }

    private static UUID uuid(String pointer, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(pointer, "must be a UUID");
        }
    }
}
