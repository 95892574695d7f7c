package io.callflow.media.sip;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The calls not yet ended, by SIP Call-ID. */
final class CallRegistry {
    private final ConcurrentHashMap<String, EdgeCall> calls = new ConcurrentHashMap<>();

    void add(EdgeCall call) {
        calls.put(call.sipCallId(), call);
    }

    EdgeCall get(String callId) {
        return callId == null ? null : calls.get(callId);
    }

    void remove(EdgeCall call) {
        calls.remove(call.sipCallId(), call);
    }

    int size() {
        return calls.size();
    }

    List<EdgeCall> all() {
        return List.copyOf(calls.values());
    }
}
