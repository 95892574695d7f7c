package io.callflow.media.calls;

import io.callflow.domain.call.CallId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The calls this node terminates right now, by call id. */
public final class LiveCalls {
    private final Map<CallId, LiveCall> calls = new ConcurrentHashMap<>();

    void add(LiveCall call) {
        calls.put(call.callId(), call);
    }

    void remove(CallId id) {
        calls.remove(id);
    }

    Optional<LiveCall> find(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(calls.get(new CallId(id)));
    }

    /** Whether this node terminates the call right now. */
    public boolean isLive(UUID id) {
        return find(id).isPresent();
    }

    /** How many calls are up or being set up here. */
    public int size() {
        return calls.size();
    }
}
