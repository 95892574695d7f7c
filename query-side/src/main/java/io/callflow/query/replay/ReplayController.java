package io.callflow.query.replay;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Caller;
import io.callflow.engine.replay.ActiveflowState;
import io.callflow.domain.common.PathIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit reads of one activeflow's history: its state as of any event, and a replay of its recorded
 * inputs through today's interpreter. Both read the event store, not projections, and both work on
 * ended and deleted activeflows.
 */
@RestController
public class ReplayController {
    private final ReplayQueries replays;

    public ReplayController(ReplayQueries replays) {
        this.replays = replays;
    }

    /** {@code at_sequence}: the last event to fold in, from 0 (the creation); the latest when omitted. */
    @GetMapping("/v1/activeflows/{id}/state")
    public ActiveflowState state(@PathVariable("id") String id,
                                 @RequestParam(name = "at_sequence", required = false) String atSequence,
                                 @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return replays.stateAt(caller.customerId(), new ActiveflowId(PathIds.parse(id, "activeflow")),
                sequence(atSequence));
    }

    /**
     * Changes nothing: POST because it runs the interpreter over the whole history, which is not a cheap read.
     * {@code omit_equal=true} leaves out the steps whose replayed events equal the recorded ones: a long
     * activeflow's full answer repeats each of its events twice (megabytes for 1,000 steps), while an auditor
     * looking for a divergence needs only the steps that differ.
     */
    @PostMapping("/v1/activeflows/{id}/replay")
    public ReplayResponse replay(@PathVariable("id") String id,
                                 @RequestParam(name = "omit_equal", required = false) String omitEqual,
                                 @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return replays.replay(caller.customerId(), new ActiveflowId(PathIds.parse(id, "activeflow")),
                flag(omitEqual));
    }

    private static boolean flag(String text) {
        if (text == null || text.isBlank() || text.trim().equals("false")) {
            return false;
        }
        if (text.trim().equals("true")) {
            return true;
        }
        throw new BadRequest("/omit_equal", "must be true or false");
    }

    private static Long sequence(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.trim().matches("[0-9]{1,18}")) {
            throw new BadRequest("/at_sequence", "must be a sequence number of this activeflow's events, from 0");
        }
        return Long.parseLong(text.trim());
    }
}
