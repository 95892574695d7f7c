package io.callflow.domain.action;

import static io.callflow.domain.action.OptionField.actions;
import static io.callflow.domain.action.OptionField.bool;
import static io.callflow.domain.action.OptionField.integer;
import static io.callflow.domain.action.OptionField.integers;
import static io.callflow.domain.action.OptionField.number;
import static io.callflow.domain.action.OptionField.object;
import static io.callflow.domain.action.OptionField.objects;
import static io.callflow.domain.action.OptionField.target;
import static io.callflow.domain.action.OptionField.targetMap;
import static io.callflow.domain.action.OptionField.text;
import static io.callflow.domain.action.OptionField.textOrObject;
import static io.callflow.domain.action.OptionField.texts;
import static io.callflow.domain.action.OptionField.uuid;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of every action type (reference section 4, with the fixes of section 13),
 * kept as data so that {@link ActionsValidator} and {@link ActionSchema} read the same
 * definitions and cannot drift apart. Where the reference gives no default, the field
 * has none: VoIPbin's rule is that a missing option is its zero value.
 */
public final class ActionCatalogue {

    /** One day: the longest timer an action may ask for. */
    /** Longest variable name: names are keys in the read model, which must never reject an event. */
    public static final int MAX_VARIABLE_NAME = 256;
    public static final long ONE_DAY_MS = 86_400_000L;
    public static final long ONE_DAY_S = 86_400L;
    /** The longest DTMF string or collection an action handles (digits_send's VoIPbin limit). */
    public static final int MAX_DIGITS = 100;
    /** How many destinations one call, connect or message may fan out to. */
    public static final int MAX_DESTINATIONS = 100;
    /** How many URLs one play action may queue. */
    public static final int MAX_STREAM_URLS = 100;

    public static final List<String> ADDRESS_TYPES = List.of(
            "tel", "sip", "agent", "extension", "conference", "email", "ai", "ai_team",
            "line", "webchat", "web_session", "whatsapp");
    public static final List<String> CONDITION_OPERATORS = List.of("==", "!=", ">", ">=", "<", "<=");
    public static final List<String> HANGUP_REASONS = List.of(
            "normal", "failed", "busy", "cancel", "timeout", "noanswer", "dialout", "amd");
    public static final List<String> CALL_STATUSES = List.of(
            "dialing", "ringing", "progressing", "terminating", "canceling", "hangup");
    public static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    public static final List<String> ANONYMOUS_VALUES = List.of("", "yes", "no", "auto");
    public static final List<String> DIRECTIONS = List.of("in", "out", "both");

    /** The address shape shared by every resource (reference 1.1). */
    public static final List<OptionField> ADDRESS_FIELDS = List.of(
            text("type", "Kind of endpoint; only tel and sip create call legs, agent and extension expand into groupcalls.")
                    .mandatory().oneOf(ADDRESS_TYPES.toArray(String[]::new)),
            text("target", "The endpoint itself: an E.164 number for tel, a SIP URI for sip, an agent or extension id, an email address...")
                    .mandatory().length(1, null),
            text("target_name", "Display name of the target."),
            text("name", "Display name of the address."),
            text("detail", "Free-form detail."));

    private static final List<OptionField> ATTACHMENT_FIELDS = List.of(
            text("reference_type", "What the attachment is taken from.").mandatory().oneOf("recording"),
            uuid("reference_id", "Id of the recording to attach.").mandatory());

    private static final Map<ActionType, List<OptionField>> FIELDS = new EnumMap<>(ActionType.class);

    static {
        none(ActionType.ANSWER);
        define(ActionType.AMD,
                text("machine_handle", "What to do when a machine answers: hang up, or continue the flow.")
                        .oneOf("hangup", "continue"),
                bool("async", "Go to the next action at once instead of waiting for the detection result.")
                        .defaultsTo(false));
        none(ActionType.BEEP);
        none(ActionType.BLOCK);
        define(ActionType.BRANCH,
                text("variable", "Name (not ${...}) of the variable whose value picks the target; it is reset to \"\" after reading.")
                        .defaultsTo("voipbin.call.digits").length(1, null),
                targetMap("target_ids", "Value -> id of the action to jump to, matched by exact string."),
                target("default_target_id", "Action to jump to when no key of target_ids matches; when absent the flow falls through."));
        define(ActionType.CALL,
                object("source", "Caller address of the new calls.", ADDRESS_FIELDS),
                objects("destinations", "Addresses to call; each becomes an independent outbound call or groupcall.", ADDRESS_FIELDS)
                        .mandatory().items(1, MAX_DESTINATIONS),
                uuid("flow_id", "Flow the new calls run; when absent they run the actions option."),
                actions("actions", "Actions the new calls run when flow_id is absent; validated like a flow, in their own id scope."),
                bool("chained", "Hang the new calls up when this call hangs up.").defaultsTo(false),
                bool("early_execution", "Start the new calls' flow before they are answered.").defaultsTo(false),
                anonymous());
        define(ActionType.CASE_CREATE,
                text("name", "Case name."),
                text("detail", "Case detail."),
                text("note", "Note added to the case."),
                bool("sync", "Wait for the case to be created before going on.").defaultsTo(false));
        define(ActionType.CONDITION_CALL_DIGITS,
                integer("length", "True once at least this many digits were collected; 0 disables the length test.")
                        .range(0, MAX_DIGITS).defaultsTo(0),
                text("key", "True once any of these keys was pressed; \"\" disables the key test.")
                        .format(TextFormat.DTMF).length(null, 16),
                falseTarget());
        define(ActionType.CONDITION_CALL_STATUS,
                text("status", "True when the call is in this status.")
                        .mandatory().oneOf(CALL_STATUSES.toArray(String[]::new)),
                falseTarget());
        define(ActionType.CONDITION_DATETIME,
                text("condition", "Comparison, read as: now <condition> option.")
                        .mandatory().oneOf(CONDITION_OPERATORS.toArray(String[]::new)),
                integer("minute", "Minute 0-59; -1 or omitted means any minute.").range(-1, 59).defaultsTo(-1),
                integer("hour", "Hour 0-23; -1 or omitted means any hour.").range(-1, 23).defaultsTo(-1),
                integer("day", "Day of month 1-31; -1, 0 or omitted means any day.").range(-1, 31).defaultsTo(-1),
                integer("month", "Month 1-12; -1, 0 or omitted means any month.").range(-1, 12).defaultsTo(-1),
                integers("weekdays", "Days of the week that match (Sunday 0 ... Saturday 6); empty or omitted means any day.")
                        .range(0, 6).items(null, 7),
                text("timezone", "IANA time zone the clock is read in.")
                        .format(TextFormat.TIME_ZONE).defaultsTo("UTC"),
                falseTarget());
        define(ActionType.CONDITION_VARIABLE,
                text("condition", "Comparison, read as: variable <condition> value.")
                        .mandatory().oneOf(CONDITION_OPERATORS.toArray(String[]::new)),
                text("variable", "The variable to test, as name or ${name}.").mandatory().length(1, null),
                text("value_type", "How to compare: as text, as a number, or by character length.")
                        .mandatory().oneOf("string", "number", "length"),
                text("value_string", "Value compared with when value_type is string (lexicographic)."),
                number("value_number", "Value compared with when value_type is number."),
                integer("value_length", "Length compared with when value_type is length.")
                        .range(0, Integer.MAX_VALUE),
                falseTarget());
        define(ActionType.CONFBRIDGE_JOIN,
                uuid("confbridge_id", "Bridge to join; the flow goes on when the call leaves it.").mandatory());
        define(ActionType.CONFERENCE_JOIN,
                uuid("conference_id", "Conference to join.").mandatory());
        define(ActionType.CONNECT,
                object("source", "Caller address shown to the destinations.", ADDRESS_FIELDS),
                objects("destinations", "Addresses to ring; the first to answer is bridged with this call.", ADDRESS_FIELDS)
                        .mandatory().items(1, MAX_DESTINATIONS),
                bool("early_media", "Let this call hear the destinations' early media.").defaultsTo(false),
                bool("relay_reason", "Hang this call up with the same reason as the first destination.").defaultsTo(false),
                anonymous());
        define(ActionType.CONVERSATION_SEND,
                uuid("conversation_id", "Conversation to send to.").mandatory(),
                text("text", "Message text.").mandatory(),
                bool("sync", "Wait for the send to finish before going on.").defaultsTo(false));
        define(ActionType.DIGITS_RECEIVE,
                integer("duration", "Milliseconds to wait for the digits; 0 times out at once.")
                        .range(0, ONE_DAY_MS).defaultsTo(0),
                text("key", "Keys that end the collection; the key pressed is exposed as voipbin.call.digits_terminator.")
                        .format(TextFormat.DTMF).length(null, 16),
                integer("length", "Number of digits that ends the collection; 0 means no length limit.")
                        .range(0, MAX_DIGITS).defaultsTo(0),
                bool("clear", "Clear voipbin.call.digits before collecting.").defaultsTo(true));
        define(ActionType.DIGITS_SEND,
                text("digits", "Keys to send.").mandatory()
                        .format(TextFormat.DTMF).length(1, MAX_DIGITS),
                integer("duration", "Tone length per key in milliseconds.").range(100, 1000).defaultsTo(100),
                integer("interval", "Pause between keys in milliseconds.").range(0, 5000).defaultsTo(0));
        define(ActionType.ECHO,
                integer("duration", "Milliseconds to echo; 0 or omitted means 180 000.")
                        .range(0, ONE_DAY_MS).defaultsTo(180_000));
        define(ActionType.EMAIL_SEND,
                objects("destinations", "Addresses (type email) to send to.", ADDRESS_FIELDS)
                        .mandatory().items(1, MAX_DESTINATIONS),
                text("subject", "Subject line."),
                text("content", "Body of the email."),
                objects("attachments", "Files to attach.", ATTACHMENT_FIELDS).items(null, 10));
        none(ActionType.EMPTY);
        define(ActionType.EXTERNAL_MEDIA_START,
                text("external_host", "host:port that receives the forked media.").mandatory().length(1, null),
                text("encapsulation", "Media encapsulation.").defaultsTo("rtp"),
                text("transport", "Media transport.").defaultsTo("udp"),
                text("transport_data", "Transport-specific data."),
                text("connection_type", "Whether we connect out to the host or it connects in.")
                        .oneOf("client", "server").defaultsTo("client"),
                text("format", "Audio codec.").defaultsTo("ulaw"),
                text("direction_listen", "Which audio is sent to the host: in, out or both; \"\" for none.")
                        .oneOf("", "in", "out", "both").defaultsTo(""),
                text("direction_speak", "Which way audio from the host is played: in, out or both; \"\" for none.")
                        .oneOf("", "in", "out", "both").defaultsTo(""),
                text("data", "Free data passed to the host."));
        none(ActionType.EXTERNAL_MEDIA_STOP);
        define(ActionType.FETCH,
                text("event_url", "URL that answers with a JSON array of actions to run next.")
                        .mandatory().format(TextFormat.HTTP_URL),
                text("event_method", "HTTP method of the request.")
                        .oneOf(HTTP_METHODS.toArray(String[]::new)).defaultsTo("POST"));
        define(ActionType.FETCH_FLOW,
                uuid("flow_id", "Flow (of the same customer) whose actions run next.").mandatory());
        define(ActionType.GOTO,
                target("target_id", "Action to jump to.").mandatory(),
                integer("loop_count", "How many times to jump; then the flow falls through. 0 or omitted: never jump.")
                        .range(0, Integer.MAX_VALUE).defaultsTo(0));
        define(ActionType.HANGUP,
                text("reason", "Hangup reason.").oneOf(HANGUP_REASONS.toArray(String[]::new)).defaultsTo("normal"),
                uuid("reference_id", "Hang up with the same reason as this (already ended) call; overrides reason."));
        define(ActionType.MESSAGE_SEND,
                object("source", "Sender address.", ADDRESS_FIELDS),
                objects("destinations", "Addresses to send the message to.", ADDRESS_FIELDS)
                        .mandatory().items(1, MAX_DESTINATIONS),
                text("text", "Message text.").mandatory());
        define(ActionType.MUTE, direction("Which audio to mute."));
        define(ActionType.PLAY,
                texts("stream_urls", "Media URLs played one after the other.").mandatory()
                        .items(1, MAX_STREAM_URLS).length(1, null));
        define(ActionType.QUEUE_JOIN,
                uuid("queue_id", "Queue to wait in.").mandatory());
        define(ActionType.RECORDING_START,
                text("format", "Recording format.").oneOf("wav").defaultsTo("wav"),
                integer("end_of_silence", "Stop after this many seconds of silence; 0 means never.")
                        .range(0, ONE_DAY_S).defaultsTo(0),
                text("end_of_key", "DTMF keys any of which stops the recording (\"#\", \"#*\"); \"\" means none.").length(null, 16),
                integer("duration", "Longest recording in seconds; 0 means no limit.")
                        .range(0, ONE_DAY_S).defaultsTo(0),
                bool("beep_start", "Play a beep when the recording starts.").defaultsTo(false),
                uuid("on_end_flow_id", "Flow started when the recording ends."));
        none(ActionType.RECORDING_STOP);
        define(ActionType.SLEEP,
                integer("duration", "Milliseconds to wait.").range(0, ONE_DAY_MS).defaultsTo(0));
        none(ActionType.STOP);
        define(ActionType.STREAM_ECHO,
                integer("duration", "Milliseconds to echo (RTP and DTMF); 0 or omitted means 180 000.")
                        .range(0, ONE_DAY_MS).defaultsTo(180_000));
        define(ActionType.TALK,
                text("text", "Text to speak, plain or SSML.").mandatory().length(1, null),
                text("language", "IETF language tag such as en-US."),
                text("provider", "TTS provider."),
                text("voice_id", "Provider-specific voice id."),
                text("digits_handle", "\"next\": a key press cuts the talk short and the flow goes on.")
                        .oneOf("", "next").defaultsTo(""),
                bool("async", "Go to the next action at once instead of waiting for the talk to end.").defaultsTo(false));
        define(ActionType.TRANSCRIBE_RECORDING, transcribeFields());
        define(ActionType.TRANSCRIBE_START, transcribeFields());
        none(ActionType.TRANSCRIBE_STOP);
        define(ActionType.UNMUTE, direction("Which audio to unmute."));
        define(ActionType.VARIABLE_SET,
                text("key", "Variable name.").mandatory().length(1, MAX_VARIABLE_NAME),
                text("value", "Value; ${...} inside it is substituted when the action runs.").defaultsTo(""));
        define(ActionType.WEBHOOK_SEND,
                bool("sync", "Wait for the response (status and body become variables) before going on.").defaultsTo(false),
                text("uri", "Where the request is sent.").mandatory().format(TextFormat.HTTP_URL),
                text("method", "HTTP method.").oneOf(HTTP_METHODS.toArray(String[]::new)).defaultsTo("POST"),
                text("data_type", "Content type of data.").defaultsTo("application/json"),
                textOrObject("data", "Request body: a string, or an object sent as JSON."));
        define(ActionType.AI_TALK,
                text("assistance_type", "Whether assistance_id names an AI or an AI team.").oneOf("ai", "team"),
                uuid("assistance_id", "AI or AI team that talks."),
                uuid("ai_id", "Deprecated: use assistance_type ai and assistance_id."),
                integer("duration", "Longest talk in seconds; 0 means no limit.").range(0, ONE_DAY_S).defaultsTo(0));
        define(ActionType.AI_SUMMARY,
                uuid("on_end_flow_id", "Flow started when the summary is ready."),
                text("reference_type", "Kind of resource to summarize."),
                uuid("reference_id", "Resource to summarize."),
                text("language", "IETF language tag of the summary."));
        define(ActionType.AI_TASK,
                text("assistance_type", "Whether assistance_id names an AI or an AI team.").oneOf("ai", "team"),
                uuid("assistance_id", "AI or AI team that runs the task."),
                uuid("ai_id", "Deprecated: use assistance_type ai and assistance_id."));

        for (ActionType type : ActionType.values()) {
            if (!FIELDS.containsKey(type)) {
                throw new IllegalStateException("no option definition for action type " + type.wireName());
            }
        }
    }

    private ActionCatalogue() {
    }

    /** The option fields of a type, in the order the schema lists them; empty for types without options. */
    public static List<OptionField> fields(ActionType type) {
        return FIELDS.get(type);
    }

    public static Optional<OptionField> field(ActionType type, String name) {
        return fields(type).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Every type with its fields, in {@link ActionType} order. */
    public static Map<ActionType, List<OptionField>> all() {
        return Collections.unmodifiableMap(FIELDS);
    }

    private static void define(ActionType type, OptionField... fields) {
        long distinct = Arrays.stream(fields).map(OptionField::name).distinct().count();
        if (distinct != fields.length) {
            throw new IllegalStateException("duplicate option name in " + type.wireName());
        }
        FIELDS.put(type, List.of(fields));
    }

    private static void none(ActionType type) {
        FIELDS.put(type, List.of());
    }

    private static OptionField falseTarget() {
        return target("false_target_id", "Action to jump to when the condition is false; when absent the flow falls through.");
    }

    private static OptionField anonymous() {
        return text("anonymous", "Hide the caller id: yes, no, or auto; \"\" keeps the source as given.")
                .oneOf(ANONYMOUS_VALUES.toArray(String[]::new)).defaultsTo("");
    }

    private static OptionField direction(String description) {
        return text("direction", description + " in: what the caller says, out: what the caller hears.")
                .oneOf(DIRECTIONS.toArray(String[]::new)).defaultsTo("both");
    }

    private static OptionField[] transcribeFields() {
        return new OptionField[] {
                text("language", "IETF language tag such as en-US."),
                uuid("on_end_flow_id", "Flow started when the transcription ends."),
                text("provider", "STT provider."),
                text("direction", "Which audio to transcribe.")
                        .oneOf(DIRECTIONS.toArray(String[]::new)).defaultsTo("both")
        };
    }
}
