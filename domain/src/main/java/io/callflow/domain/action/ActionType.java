package io.callflow.domain.action;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every action type a flow may contain, with its media requirement (reference
 * section 4). {@code sleep} deliberately needs no call here: it is a persisted
 * timer and works for every reference type (DESIGN, "Where we deliberately differ").
 */
public enum ActionType {
    AMD("amd", MediaRequirement.RTC),
    ANSWER("answer", MediaRequirement.RTC),
    BEEP("beep", MediaRequirement.RTC),
    BLOCK("block", MediaRequirement.NON_RTC),
    BRANCH("branch", MediaRequirement.NONE),
    CALL("call", MediaRequirement.NONE),
    CASE_CREATE("case_create", MediaRequirement.NONE),
    CONDITION_CALL_DIGITS("condition_call_digits", MediaRequirement.RTC),
    CONDITION_CALL_STATUS("condition_call_status", MediaRequirement.RTC),
    CONDITION_DATETIME("condition_datetime", MediaRequirement.NONE),
    CONDITION_VARIABLE("condition_variable", MediaRequirement.NONE),
    CONFBRIDGE_JOIN("confbridge_join", MediaRequirement.RTC),
    CONFERENCE_JOIN("conference_join", MediaRequirement.RTC),
    CONNECT("connect", MediaRequirement.RTC),
    CONVERSATION_SEND("conversation_send", MediaRequirement.NONE),
    DIGITS_RECEIVE("digits_receive", MediaRequirement.RTC),
    DIGITS_SEND("digits_send", MediaRequirement.RTC),
    ECHO("echo", MediaRequirement.RTC),
    EMAIL_SEND("email_send", MediaRequirement.NONE),
    EMPTY("empty", MediaRequirement.NONE),
    EXTERNAL_MEDIA_START("external_media_start", MediaRequirement.RTC),
    EXTERNAL_MEDIA_STOP("external_media_stop", MediaRequirement.RTC),
    FETCH("fetch", MediaRequirement.NONE),
    FETCH_FLOW("fetch_flow", MediaRequirement.NONE),
    GOTO("goto", MediaRequirement.NONE),
    HANGUP("hangup", MediaRequirement.RTC),
    MESSAGE_SEND("message_send", MediaRequirement.NONE),
    MUTE("mute", MediaRequirement.RTC),
    PLAY("play", MediaRequirement.RTC),
    QUEUE_JOIN("queue_join", MediaRequirement.RTC),
    RECORDING_START("recording_start", MediaRequirement.RTC),
    RECORDING_STOP("recording_stop", MediaRequirement.RTC),
    SLEEP("sleep", MediaRequirement.NONE),
    STOP("stop", MediaRequirement.NONE),
    STREAM_ECHO("stream_echo", MediaRequirement.RTC),
    TALK("talk", MediaRequirement.RTC),
    TRANSCRIBE_RECORDING("transcribe_recording", MediaRequirement.NONE),
    TRANSCRIBE_START("transcribe_start", MediaRequirement.RTC),
    TRANSCRIBE_STOP("transcribe_stop", MediaRequirement.RTC),
    UNMUTE("unmute", MediaRequirement.RTC),
    VARIABLE_SET("variable_set", MediaRequirement.NONE),
    WEBHOOK_SEND("webhook_send", MediaRequirement.NONE),
    AI_TALK("ai_talk", MediaRequirement.NONE),
    AI_SUMMARY("ai_summary", MediaRequirement.NON_RTC),
    AI_TASK("ai_task", MediaRequirement.NON_RTC);

    private static final Map<String, ActionType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ActionType::wireName, Function.identity()));

    private final String wireName;
    private final MediaRequirement media;

    ActionType(String wireName, MediaRequirement media) {
        this.wireName = wireName;
        this.media = media;
    }

    public String wireName() {
        return wireName;
    }

    public MediaRequirement media() {
        return media;
    }

    public static Optional<ActionType> fromWireName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
