package io.callflow.query.timeline;

import io.callflow.query.StoredJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stored payload types as timeline event types: {@code io.callflow.domain.activeflow.ActionStarted} is {@code action_started}. */
public final class EventTypes {
    /** Each stored type's name, worked out once: there are as many as the platform has event records. */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private EventTypes() {
    }

    public static String of(String payloadType) {
        return NAMES.computeIfAbsent(payloadType, EventTypes::snakeCase);
    }

    private static final String CALL_EVENTS = "io.callflow.domain.call.";
    /** Call events under VoIPbin's event names (reference 12), where theirs differ from the record's. */
    private static final Map<String, String> VOIPBIN_CALL_NAMES = Map.of(
            CALL_EVENTS + "CallHungUp", "call_hangup",
            CALL_EVENTS + "CallDigitReceived", "dtmf_received",
            CALL_EVENTS + "CallRecordingStarted", "recording_started",
            CALL_EVENTS + "CallRecordingFinished", "recording_finished",
            CALL_EVENTS + "CallMuteChanged", "call_updated");

    /**
     * The type a stored event is shown under. Call events take VoIPbin's names (reference 1.4 and 12):
     * a status change is {@code call_<status>} ({@code call_ringing}, {@code call_progressing},
     * {@code call_terminating}, {@code call_canceling}), the finalized hangup {@code call_hangup}, a key
     * press {@code dtmf_received}, a recording {@code recording_started}/{@code recording_finished} and a
     * mute change {@code call_updated}; every other event its record's name.
     */
    public static String of(String payloadType, byte[] payload) {
        if (payloadType.startsWith(CALL_EVENTS)) {
            if (payloadType.equals(CALL_EVENTS + "CallStatusChanged")) {
                String status = StoredJson.fields(payload, "status")[0];
                if (status != null && !status.isEmpty()) {
                    return "call_" + status;
                }
            }
            String named = VOIPBIN_CALL_NAMES.get(payloadType);
            if (named != null) {
                return named;
            }
        }
        return of(payloadType);
    }

    private static String snakeCase(String payloadType) {
        String simple = payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
        StringBuilder snake = new StringBuilder(simple.length() + 8);
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c)) {
                // a new word starts at an upper-case letter after a lower-case one or a digit,
                // or at the last capital of an acronym that a lower-case letter follows (URLFetched -> url_fetched)
                boolean afterLower = i > 0 && !Character.isUpperCase(simple.charAt(i - 1));
                boolean endsAcronym = i > 0 && Character.isUpperCase(simple.charAt(i - 1))
                        && i + 1 < simple.length() && Character.isLowerCase(simple.charAt(i + 1));
                if (afterLower || endsAcronym) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
