package io.callflow.domain.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.common.Json;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActionsValidatorTest {

    private static final String ID_1 = "00000000-0000-4000-8000-000000000001";
    private static final String ID_2 = "00000000-0000-4000-8000-000000000002";
    private static final String ID_3 = "00000000-0000-4000-8000-000000000003";
    private static final String OTHER = "7c4d2f3a-1b8e-4f5c-9a6d-3e2f1a0b4c5d";
    private static final String UNKNOWN = "9f9f9f9f-0000-4000-8000-000000000099";
    private static final String FINISH = ReservedIds.FINISH.toString();

    private final ActionsValidator validator = new ActionsValidator();

    /** One action of every type, with every option it has, as a flow designer would send them. */
    private static final String EVERY_TYPE = """
            [
              {"id": "ID_1", "type": "answer"},
              {"id": "ID_2", "type": "amd", "option": {"machine_handle": "hangup", "async": true}},
              {"type": "beep"},
              {"type": "block", "option": null},
              {"id": "ID_3", "type": "branch", "option": {"variable": "voipbin.call.digits",
                  "target_ids": {"1": "ID_1", "2": "ID_2", "": "ID_3"}, "default_target_id": "ID_1"}},
              {"type": "call", "option": {
                  "source": {"type": "tel", "target": "+15550001"},
                  "destinations": [{"type": "tel", "target": "+15550002", "target_name": "Bob", "name": "bob", "detail": ""}],
                  "flow_id": "OTHER",
                  "actions": [{"id": "ID_1", "type": "talk", "option": {"text": "hi"}},
                              {"type": "goto", "option": {"target_id": "ID_1", "loop_count": 1}}],
                  "chained": true, "early_execution": false, "anonymous": "auto"}},
              {"type": "case_create", "option": {"name": "n", "detail": "d", "note": "x", "sync": true}},
              {"type": "condition_call_digits", "option": {"length": 4, "key": "#", "false_target_id": "ID_1"}},
              {"type": "condition_call_status", "option": {"status": "progressing", "false_target_id": "ID_1"}},
              {"type": "condition_datetime", "option": {"condition": ">=", "minute": -1, "hour": 9, "day": -1,
                  "month": 12, "weekdays": [1, 2, 3, 4, 5], "timezone": "Europe/Paris", "false_target_id": "ID_2"}},
              {"type": "condition_variable", "option": {"condition": "<=", "variable": "${voipbin.call.digits}",
                  "value_type": "number", "value_string": "", "value_number": 1.5, "value_length": 3,
                  "false_target_id": "ID_3"}},
              {"type": "confbridge_join", "option": {"confbridge_id": "OTHER"}},
              {"type": "conference_join", "option": {"conference_id": "OTHER"}},
              {"type": "connect", "option": {"source": {"type": "tel", "target": "+15550001"},
                  "destinations": [{"type": "agent", "target": "OTHER"}, {"type": "sip", "target": "sip:a@example.com"}],
                  "early_media": true, "relay_reason": true, "anonymous": ""}},
              {"type": "conversation_send", "option": {"conversation_id": "OTHER", "text": "hello", "sync": false}},
              {"type": "digits_receive", "option": {"duration": 5000, "key": "#*", "length": 4, "clear": false}},
              {"type": "digits_send", "option": {"digits": "0123456789ABCD#*", "duration": 100, "interval": 5000}},
              {"type": "echo", "option": {"duration": 10000}},
              {"type": "email_send", "option": {"destinations": [{"type": "email", "target": "a@example.com"}],
                  "subject": "s", "content": "c",
                  "attachments": [{"reference_type": "recording", "reference_id": "OTHER"}]}},
              {"type": "empty", "option": {}},
              {"type": "external_media_start", "option": {"external_host": "media.example.com:9000",
                  "encapsulation": "rtp", "transport": "udp", "transport_data": "", "connection_type": "client",
                  "format": "ulaw", "direction_listen": "both", "direction_speak": "in", "data": "x"}},
              {"type": "external_media_stop"},
              {"type": "fetch", "option": {"event_url": "https://example.com/next?x=1", "event_method": "POST"}},
              {"type": "fetch_flow", "option": {"flow_id": "OTHER"}},
              {"type": "goto", "option": {"target_id": "ID_1", "loop_count": 3}},
              {"type": "hangup", "option": {"reason": "busy", "reference_id": "OTHER"}},
              {"type": "message_send", "option": {"source": {"type": "tel", "target": "+1"},
                  "destinations": [{"type": "tel", "target": "+2"}], "text": "hi"}},
              {"type": "mute", "option": {"direction": "in"}},
              {"type": "play", "option": {"stream_urls": ["https://example.com/a.wav", "https://example.com/b.wav"]}},
              {"type": "queue_join", "option": {"queue_id": "OTHER"}},
              {"type": "recording_start", "option": {"format": "wav", "end_of_silence": 5, "end_of_key": "#",
                  "duration": 600, "beep_start": true, "on_end_flow_id": "OTHER"}},
              {"type": "recording_stop"},
              {"type": "sleep", "option": {"duration": 86400000}},
              {"type": "stream_echo", "option": {"duration": 0}},
              {"type": "talk", "option": {"text": "<speak>Hello</speak>", "language": "en-US", "provider": "gcp",
                  "voice_id": "v1", "digits_handle": "next", "async": false}},
              {"type": "transcribe_recording", "option": {"language": "en-US", "on_end_flow_id": "OTHER",
                  "provider": "p", "direction": "both"}},
              {"type": "transcribe_start", "option": {"language": "en-US", "direction": "in"}},
              {"type": "transcribe_stop"},
              {"type": "unmute", "option": {"direction": "both"}},
              {"type": "variable_set", "option": {"key": "greeting", "value": "hello ${name}"}},
              {"type": "webhook_send", "option": {"sync": true, "uri": "http://example.com/hook", "method": "PATCH",
                  "data_type": "application/json", "data": {"a": [1, 2]}}},
              {"type": "ai_talk", "option": {"assistance_type": "ai", "assistance_id": "OTHER", "ai_id": "OTHER",
                  "duration": 60}},
              {"type": "ai_summary", "option": {"on_end_flow_id": "OTHER", "reference_type": "call",
                  "reference_id": "OTHER", "language": "en-US"}},
              {"type": "ai_task", "option": {"assistance_type": "team", "assistance_id": "OTHER"}},
              {"type": "stop", "next_id": "FINISH", "tm_execute": null}
            ]
            """;

    @Test
    void a_flow_using_every_action_type_parses_without_problems() {
        ActionsParse parse = parse(EVERY_TYPE);

        assertThat(parse.problems()).isEmpty();
        assertThat(parse.ok()).isTrue();
        assertThat(parse.actions()).extracting(Action::type)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ActionType.values()).map(ActionType::wireName).toList());
    }

    @Test
    void actions_without_an_id_get_one_from_the_supplier_in_array_order() {
        ActionsParse parse = parse("""
                [{"type": "answer"}, {"id": "ID_1", "type": "beep"}, {"id": null, "type": "stop"},
                 {"id": "00000000-0000-0000-0000-000000000000", "type": "empty"}]
                """);

        assertThat(parse.actions()).extracting(Action::id).containsExactly(
                generated(1), UUID.fromString(ID_1), generated(2), generated(3));
    }

    @Test
    void option_is_kept_as_sent_without_defaults_filled_in() {
        ActionsParse parse = parse("""
                [{"type": "digits_receive", "option": {"duration": 3000}}, {"type": "answer"}]
                """);

        assertThat(parse.actions().get(0).option()).isEqualTo(json("{\"duration\": 3000}"));
        assertThat(parse.actions().get(1).option()).isEqualTo(json("{}"));
    }

    @Test
    void next_id_left_out_null_or_nil_falls_through_and_finish_is_kept() {
        ActionsParse parse = parse("""
                [{"id": "ID_1", "type": "answer"},
                 {"type": "beep", "next_id": null},
                 {"type": "beep", "next_id": "00000000-0000-0000-0000-000000000000"},
                 {"type": "talk", "option": {"text": "again"}, "next_id": "ID_1"},
                 {"type": "stop", "next_id": "FINISH"}]
                """);

        assertThat(parse.problems()).isEmpty();
        assertThat(parse.actions()).extracting(Action::nextId).containsExactly(
                null, null, null, UUID.fromString(ID_1), ReservedIds.FINISH);
    }

    @Test
    void an_empty_string_id_next_id_or_optional_target_means_not_set_and_a_required_one_is_missing() {
        ActionsParse parse = parse("""
                [{"id": "", "type": "answer", "next_id": ""},
                 {"type": "condition_variable", "option": {"condition": "==", "variable": "v", "value_type": "string",
                     "false_target_id": ""}},
                 {"type": "branch", "option": {"default_target_id": "", "target_ids": {}}},
                 {"type": "recording_start", "option": {"on_end_flow_id": ""}}]
                """);

        assertThat(parse.problems()).isEmpty();
        assertThat(parse.actions().get(0).id()).isEqualTo(generated(1));
        assertThat(parse.actions().get(0).nextId()).isNull();
        assertThat(parse("[{\"type\": \"goto\", \"option\": {\"target_id\": \"\"}}]").problems())
                .containsExactly(new Problem("/actions/0/option/target_id", "is required"));
        assertThat(parse("[{\"type\": \"fetch_flow\", \"option\": {\"flow_id\": \"\"}}]").problems())
                .containsExactly(new Problem("/actions/0/option/flow_id", "is required"));
    }

    @Test
    void variable_templates_stand_in_for_integers_booleans_uuids_and_checked_strings() {
        ActionsParse parse = parse("""
                [{"type": "digits_receive", "option": {"duration": "${timeout}", "length": "${len}", "clear": "${c}"}},
                 {"type": "hangup", "option": {"reason": "${why}", "reference_id": "${voipbin.call.master_call_id}"}},
                 {"type": "digits_send", "option": {"digits": "${voipbin.call.digits}"}},
                 {"type": "condition_datetime", "option": {"condition": "==", "weekdays": [1, "${day}"],
                     "timezone": "${tz}"}},
                 {"type": "webhook_send", "option": {"uri": "https://${host}/hook", "sync": "${sync}"}}]
                """);

        assertThat(parse.problems()).isEmpty();
    }

    @Test
    void an_integral_number_written_with_a_fraction_is_an_integer_as_in_json_schema() {
        assertThat(parse("[{\"type\": \"sleep\", \"option\": {\"duration\": 1000.0}}]").problems()).isEmpty();
    }

    @Test
    void a_fetched_bare_array_is_reported_from_the_document_root() {
        ActionsParse parse = validator.parse(json("[{\"type\": \"warp\"}]"), "", ids());

        assertThat(parse.problems()).containsExactly(new Problem("/0/type", "\"warp\" is not an action type"));
    }

    @Test
    void a_value_that_is_not_an_array_is_reported_at_the_list_pointer() {
        assertThat(validator.parse(json("{\"type\": \"answer\"}"), "/actions", ids()).problems())
                .containsExactly(new Problem("/actions", "must be an array of actions"));
        assertThat(validator.parse(null, "", ids()).problems())
                .containsExactly(new Problem("", "must be an array of actions"));
    }

    @Test
    void more_than_1000_actions_are_rejected_and_1000_are_accepted() {
        assertThat(validator.parse(answers(ActionsValidator.MAX_ACTIONS), "/actions", ids()).ok()).isTrue();

        ActionsParse tooMany = validator.parse(answers(ActionsValidator.MAX_ACTIONS + 1), "/actions", ids());

        assertThat(tooMany.problems()).containsExactly(
                new Problem("/actions", "must hold at most 1000 actions, not 1001"));
        assertThat(tooMany.actions()).isEmpty();
    }

    static Stream<Arguments> action_problems() {
        return Stream.of(
                Arguments.of("an element that is not an object", "[\"answer\"]",
                        "/actions/0", "must be an object (an action)"),
                Arguments.of("an unknown action field", "[{\"type\": \"answer\", \"options\": {}}]",
                        "/actions/0/options", "is not a field of an action (allowed: id, next_id, type, option, tm_execute)"),
                Arguments.of("an unknown field with a slash and tilde", "[{\"type\": \"answer\", \"a/b~c\": 1}]",
                        "/actions/0/a~1b~0c", "is not a field of an action (allowed: id, next_id, type, option, tm_execute)"),
                Arguments.of("an id that is not a string", "[{\"id\": 7, \"type\": \"answer\"}]",
                        "/actions/0/id", "must be a UUID string, or be left out to have one assigned"),
                Arguments.of("an id in a loose UUID form", "[{\"id\": \"1-2-3-4-5\", \"type\": \"answer\"}]",
                        "/actions/0/id", "must be a UUID string, or be left out to have one assigned"),
                Arguments.of("the finish id as id", "[{\"id\": \"FINISH\", \"type\": \"answer\"}]",
                        "/actions/0/id", "is the reserved finish id; leave id out to have one assigned"),
                Arguments.of("the start id as id", "[{\"id\": \"00000000-0000-0000-0000-000000000001\", \"type\": \"answer\"}]",
                        "/actions/0/id", "is the reserved start id; leave id out to have one assigned"),
                Arguments.of("a missing type", "[{\"option\": {}}]",
                        "/actions/0/type", "is required"),
                Arguments.of("a null type", "[{\"type\": null}]",
                        "/actions/0/type", "is required"),
                Arguments.of("a type that is not a string", "[{\"type\": 3}]",
                        "/actions/0/type", "must be a string naming an action type"),
                Arguments.of("an unknown type", "[{\"type\": \"teleport\"}]",
                        "/actions/0/type", "\"teleport\" is not an action type"),
                Arguments.of("a retired VoIPbin type", "[{\"type\": \"agent_call\"}]",
                        "/actions/0/type", "\"agent_call\" is not an action type; use connect with a destination of type agent"),
                Arguments.of("an option that is not an object", "[{\"type\": \"talk\", \"option\": \"hello\"}]",
                        "/actions/0/option", "must be an object"),
                Arguments.of("a next_id naming no action", "[{\"type\": \"answer\", \"next_id\": \"UNKNOWN\"}]",
                        "/actions/0/next_id", "names no action of this list; next_id must name an action of this list "
                                + "or be the finish id 00000000-0000-0000-0000-000000000002"),
                Arguments.of("the start id as next_id", "[{\"type\": \"answer\", \"next_id\": \"00000000-0000-0000-0000-000000000001\"}]",
                        "/actions/0/next_id", "is the reserved start id; next_id may name an action of this list "
                                + "or the finish id 00000000-0000-0000-0000-000000000002"),
                Arguments.of("a next_id that is not a UUID", "[{\"type\": \"answer\", \"next_id\": 5}]",
                        "/actions/0/next_id", "must be the id of an action of this list, or the finish id "
                                + "00000000-0000-0000-0000-000000000002"),
                Arguments.of("a tm_execute that is not a string", "[{\"type\": \"answer\", \"tm_execute\": 12}]",
                        "/actions/0/tm_execute", "must be a timestamp string or null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("action_problems")
    void each_action_problem_is_reported_with_its_pointer(String why, String actions, String pointer, String message) {
        ActionsParse parse = parse(actions);

        assertThat(parse.problems()).containsExactly(new Problem(pointer, message));
        assertThat(parse.ok()).isFalse();
        assertThat(parse.actions()).isEmpty();
    }

    static Stream<Arguments> option_problems() {
        String dtmf = "must be at most 100 characters of 0-9, A-D, # and *";
        return Stream.of(
                // type, option, pointer below /actions/0/option, message
                Arguments.of("digits_send", "{\"digits\": \"12x\"}", "/digits", dtmf),
                Arguments.of("digits_send", "{\"digits\": \"" + "1".repeat(101) + "\"}", "/digits", dtmf),
                Arguments.of("digits_send", "{\"digits\": \"12a\"}", "/digits", dtmf),
                Arguments.of("digits_send", "{}", "/digits", "is required"),
                Arguments.of("digits_send", "{\"digits\": \"1\", \"duration\": 99}", "/duration",
                        "must be an integer from 100 to 1000"),
                Arguments.of("digits_send", "{\"digits\": \"1\", \"duration\": 1001}", "/duration",
                        "must be an integer from 100 to 1000"),
                Arguments.of("digits_send", "{\"digits\": \"1\", \"interval\": 5001}", "/interval",
                        "must be an integer from 0 to 5000"),
                Arguments.of("digits_send", "{\"digits\": \"1\", \"duration\": \"200\"}", "/duration",
                        "must be an integer from 100 to 1000"),
                Arguments.of("digits_send", "{\"digits\": \"1\", \"duration\": 150.5}", "/duration",
                        "must be an integer from 100 to 1000"),
                Arguments.of("digits_send", "{\"digits\": \"1\", \"duration\": true}", "/duration",
                        "must be an integer from 100 to 1000"),
                Arguments.of("sleep", "{\"duration\": 123456789012345678901234567890}", "/duration",
                        "must be an integer from 0 to 86400000"),
                Arguments.of("sleep", "{\"duration\": 1e300}", "/duration", "must be an integer from 0 to 86400000"),
                Arguments.of("sleep", "{\"duration\": 86400001}", "/duration", "must be an integer from 0 to 86400000"),
                Arguments.of("sleep", "{\"duration\": -1}", "/duration", "must be an integer from 0 to 86400000"),
                Arguments.of("goto", "{}", "/target_id", "is required"),
                Arguments.of("goto", "{\"target_id\": \"00000000-0000-0000-0000-000000000000\"}", "/target_id",
                        "is required (the nil UUID means not set)"),
                Arguments.of("goto", "{\"target_id\": \"ID_1\", \"loop_count\": -1}", "/loop_count",
                        "must be an integer from 0 to 2147483647"),
                Arguments.of("goto", "{\"target_id\": \"${where}\"}", "/target_id",
                        "must be the literal id of an action of this list; jump targets are checked when the flow "
                                + "is saved, so they cannot be variables"),
                Arguments.of("goto", "{\"target_id\": \"UNKNOWN\"}", "/target_id", "names no action of this list"),
                Arguments.of("goto", "{\"target_id\": 12}", "/target_id", "must be the id of an action of this list"),
                Arguments.of("branch", "{\"variable\": \"\"}", "/variable", "must not be empty"),
                Arguments.of("branch", "{\"target_ids\": [\"ID_1\"]}", "/target_ids",
                        "must be an object mapping each value to the id of an action of this list"),
                Arguments.of("branch", "{\"target_ids\": {\"a/b~c\": \"UNKNOWN\"}}", "/target_ids/a~1b~0c",
                        "names no action of this list"),
                Arguments.of("branch", "{\"target_ids\": {\"1\": \"00000000-0000-0000-0000-000000000000\"}}",
                        "/target_ids/1", "must be the id of an action of this list, not the nil UUID"),
                Arguments.of("branch", "{\"default_target_id\": \"FINISH\"}", "/default_target_id",
                        "names no action of this list"),
                Arguments.of("condition_variable",
                        "{\"condition\": \"=~\", \"variable\": \"x\", \"value_type\": \"string\"}", "/condition",
                        "must be one of ==, !=, >, >=, <, <="),
                Arguments.of("condition_variable",
                        "{\"condition\": \"==\", \"variable\": \"x\", \"value_type\": \"bool\"}", "/value_type",
                        "must be one of string, number, length"),
                Arguments.of("condition_variable", "{\"variable\": \"x\", \"value_type\": \"string\"}", "/condition",
                        "is required"),
                Arguments.of("condition_variable",
                        "{\"condition\": \"==\", \"variable\": \"x\", \"value_type\": \"number\", \"value_number\": \"1\"}",
                        "/value_number", "must be a number"),
                Arguments.of("condition_variable",
                        "{\"condition\": \"==\", \"variable\": \"x\", \"value_type\": \"string\", \"false_target_id\": \"UNKNOWN\"}",
                        "/false_target_id", "names no action of this list"),
                Arguments.of("condition_datetime", "{\"condition\": \"==\", \"hour\": 24}", "/hour",
                        "must be an integer from -1 to 23"),
                Arguments.of("condition_datetime", "{\"condition\": \"==\", \"minute\": -2}", "/minute",
                        "must be an integer from -1 to 59"),
                Arguments.of("condition_datetime", "{\"condition\": \"==\", \"month\": 13}", "/month",
                        "must be an integer from -1 to 12"),
                Arguments.of("condition_datetime", "{\"condition\": \"==\", \"weekdays\": [1, 7]}", "/weekdays/1",
                        "must be an integer from 0 to 6"),
                Arguments.of("condition_datetime", "{\"condition\": \"==\", \"weekdays\": \"mon\"}", "/weekdays",
                        "must be an array of integers"),
                Arguments.of("condition_datetime", "{\"condition\": \"==\", \"timezone\": \"Mars/Olympus\"}", "/timezone",
                        "must be an IANA time zone id such as Europe/Paris"),
                Arguments.of("condition_datetime", "{\"condition\": \"==\", \"timezone\": \"+02:00\"}", "/timezone",
                        "must be an IANA time zone id such as Europe/Paris"),
                Arguments.of("condition_call_status", "{\"status\": \"busy\"}", "/status",
                        "must be one of dialing, ringing, progressing, terminating, canceling, hangup"),
                Arguments.of("hangup", "{\"reason\": \"canceled\"}", "/reason",
                        "must be one of normal, failed, busy, cancel, timeout, noanswer, dialout, amd"),
                Arguments.of("hangup", "{\"reference_id\": \"abc\"}", "/reference_id", "must be a UUID"),
                Arguments.of("call", "{\"destinations\": [{\"type\": \"tel\", \"target\": \"+1\"}], \"anonymous\": \"maybe\"}",
                        "/anonymous", "must be one of \"\", yes, no, auto"),
                Arguments.of("call", "{}", "/destinations", "is required"),
                Arguments.of("connect", "{\"destinations\": []}", "/destinations", "must hold at least 1 item"),
                Arguments.of("connect", "{\"destinations\": [{\"type\": \"tel\"}]}", "/destinations/0/target",
                        "is required"),
                Arguments.of("connect", "{\"destinations\": [{\"type\": \"fax\", \"target\": \"+1\"}]}",
                        "/destinations/0/type",
                        "must be one of tel, sip, agent, extension, conference, email, ai, ai_team, line, webchat, "
                                + "web_session, whatsapp"),
                Arguments.of("connect", "{\"destinations\": [{\"type\": \"tel\", \"target\": \"+1\", \"number\": 1}]}",
                        "/destinations/0/number",
                        "is not a field of destinations (its fields: type, target, target_name, name, detail)"),
                Arguments.of("connect", "{\"destinations\": [\"+1555\"]}", "/destinations/0",
                        "must be an object with fields type, target, target_name, name, detail"),
                Arguments.of("connect", "{\"destinations\": [{\"type\": \"tel\", \"target\": \"+1\"}], \"source\": \"+1\"}",
                        "/source", "must be an object with fields type, target, target_name, name, detail"),
                Arguments.of("connect", "{\"destinations\": [{\"type\": \"tel\", \"target\": \"+1\"}], \"early_media\": 1}",
                        "/early_media", "must be true or false"),
                Arguments.of("webhook_send", "{\"uri\": \"https://example.com\", \"method\": \"TRACE\"}", "/method",
                        "must be one of GET, POST, PUT, DELETE, PATCH"),
                Arguments.of("webhook_send", "{\"uri\": \"ftp://example.com/x\"}", "/uri", "must be an http or https URL"),
                Arguments.of("webhook_send", "{\"uri\": \"https://example.com\", \"data\": 5}", "/data",
                        "must be a string or an object"),
                Arguments.of("webhook_send", "{\"uri\": \"https://example.com\", \"sync\": \"yes\"}", "/sync",
                        "must be true or false"),
                Arguments.of("fetch", "{}", "/event_url", "is required"),
                Arguments.of("fetch", "{\"event_url\": \"example.com/next\"}", "/event_url", "must be an http or https URL"),
                Arguments.of("fetch", "{\"event_url\": \"http://exa mple.com\"}", "/event_url", "must be an http or https URL"),
                Arguments.of("fetch", "{\"event_url\": \"https://example.com\", \"event_method\": \"get\"}", "/event_method",
                        "must be one of GET, POST, PUT, DELETE, PATCH"),
                Arguments.of("fetch_flow", "{\"flow_id\": \"abc\"}", "/flow_id", "must be a UUID"),
                Arguments.of("fetch_flow", "{\"flow_id\": \"00000000-0000-0000-0000-000000000000\"}", "/flow_id",
                        "is required (the nil UUID means not set)"),
                Arguments.of("variable_set", "{\"key\": \"\"}", "/key", "must not be empty"),
                Arguments.of("variable_set", "{\"key\": \"k\", \"value\": 5}", "/value", "must be a string"),
                Arguments.of("mute", "{\"direction\": \"sideways\"}", "/direction", "must be one of in, out, both"),
                Arguments.of("unmute", "{\"direction\": \"\"}", "/direction", "must be one of in, out, both"),
                Arguments.of("talk", "{\"text\": \"hi\", \"digits_handle\": \"stop\"}", "/digits_handle",
                        "must be one of \"\", next"),
                Arguments.of("talk", "{\"text\": \"hi\", \"async\": \"yes\"}", "/async", "must be true or false"),
                Arguments.of("talk", "{\"text\": \"hi\", \"colour\": \"red\"}", "/colour",
                        "is not an option of talk (its options: text, language, provider, voice_id, digits_handle, async)"),
                Arguments.of("answer", "{\"now\": true}", "/now", "is not an option of answer, which takes no options"),
                Arguments.of("play", "{\"stream_urls\": []}", "/stream_urls", "must hold at least 1 item"),
                Arguments.of("play", "{\"stream_urls\": [5]}", "/stream_urls/0", "must be a string"),
                Arguments.of("play", "{\"stream_urls\": \"https://example.com/a.wav\"}", "/stream_urls",
                        "must be an array of strings"),
                Arguments.of("digits_receive", "{\"clear\": \"no\"}", "/clear", "must be true or false"),
                Arguments.of("digits_receive", "{\"key\": \"x\"}", "/key",
                        "must be at most 16 characters of 0-9, A-D, # and *"),
                Arguments.of("recording_start", "{\"beep_start\": 1}", "/beep_start", "must be true or false"),
                Arguments.of("recording_start", "{\"format\": \"mp3\"}", "/format", "must be one of wav"),
                Arguments.of("email_send",
                        "{\"destinations\": [{\"type\": \"email\", \"target\": \"a@example.com\"}], "
                                + "\"attachments\": [{\"reference_type\": \"recording\", \"reference_id\": \"nope\"}]}",
                        "/attachments/0/reference_id", "must be a UUID"),
                Arguments.of("queue_join", "{}", "/queue_id", "is required"),
                Arguments.of("talk", "{}", "/text", "is required"),
                Arguments.of("ai_talk", "{\"assistance_type\": \"bot\"}", "/assistance_type", "must be one of ai, team"),
                Arguments.of("call", "{\"destinations\": [{\"type\": \"tel\", \"target\": \"+1\"}], \"actions\": {}}",
                        "/actions", "must be an array of actions"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("option_problems")
    void each_option_problem_is_reported_with_its_pointer(String type, String option, String pointer, String message) {
        String actions = "[{\"id\": \"ID_1\", \"type\": \"" + type + "\", \"option\": " + option + "}]";

        assertThat(parse(actions).problems()).containsExactly(new Problem("/actions/0/option" + pointer, message));
    }

    @Test
    void duplicate_ids_are_reported_on_the_later_action() {
        ActionsParse parse = parse("""
                [{"id": "ID_1", "type": "answer"}, {"id": "ID_2", "type": "beep"}, {"id": "ID_1", "type": "stop"}]
                """);

        assertThat(parse.problems()).containsExactly(
                new Problem("/actions/2/id", "repeats the id of the action at /actions/0"));
    }

    @Test
    void ids_are_compared_as_uuids_whatever_their_letter_case() {
        ActionsParse parse = parse("""
                [{"id": "aaaaaaaa-0000-4000-8000-000000000001", "type": "answer"},
                 {"id": "AAAAAAAA-0000-4000-8000-000000000001", "type": "beep"}]
                """);

        assertThat(parse.problems()).containsExactly(
                new Problem("/actions/1/id", "repeats the id of the action at /actions/0"));
    }

    @Test
    void every_kind_of_jump_target_must_name_an_action_of_the_same_list() {
        ActionsParse parse = parse("""
                [{"id": "ID_1", "type": "goto", "option": {"target_id": "UNKNOWN", "loop_count": 1}},
                 {"type": "branch", "option": {"target_ids": {"1": "ID_1", "2": "UNKNOWN"}, "default_target_id": "UNKNOWN"}},
                 {"type": "condition_call_digits", "option": {"length": 1, "false_target_id": "UNKNOWN"}},
                 {"type": "condition_call_status", "option": {"status": "ringing", "false_target_id": "UNKNOWN"}},
                 {"type": "condition_datetime", "option": {"condition": "==", "false_target_id": "UNKNOWN"}},
                 {"type": "condition_variable", "option": {"condition": "==", "variable": "v", "value_type": "length",
                     "false_target_id": "UNKNOWN"}},
                 {"type": "answer", "next_id": "UNKNOWN"}]
                """);

        assertThat(parse.problems()).extracting(Problem::pointer).containsExactly(
                "/actions/0/option/target_id",
                "/actions/1/option/target_ids/2",
                "/actions/1/option/default_target_id",
                "/actions/2/option/false_target_id",
                "/actions/3/option/false_target_id",
                "/actions/4/option/false_target_id",
                "/actions/5/option/false_target_id",
                "/actions/6/next_id");
    }

    @Test
    void targets_may_point_forward_in_the_list() {
        ActionsParse parse = parse("""
                [{"type": "goto", "option": {"target_id": "ID_2", "loop_count": 2}, "next_id": "ID_2"},
                 {"id": "ID_2", "type": "answer"}]
                """);

        assertThat(parse.problems()).isEmpty();
    }

    @Test
    void several_problems_come_back_together_in_document_order() {
        ActionsParse parse = parse("""
                [{"type": "talk", "option": {"text": "hi", "async": "later"}, "next_id": "UNKNOWN"},
                 {"type": "teleport"},
                 {"id": "ID_1", "type": "digits_send", "option": {"digits": "12x", "duration": 5, "speed": 1}},
                 42,
                 {"type": "goto", "option": {"loop_count": 1.5}}]
                """);

        assertThat(parse.problems()).containsExactly(
                new Problem("/actions/0/option/async", "must be true or false"),
                new Problem("/actions/0/next_id", "names no action of this list; next_id must name an action of this "
                        + "list or be the finish id 00000000-0000-0000-0000-000000000002"),
                new Problem("/actions/1/type", "\"teleport\" is not an action type"),
                new Problem("/actions/2/option/speed",
                        "is not an option of digits_send (its options: digits, duration, interval)"),
                new Problem("/actions/2/option/digits", "must be at most 100 characters of 0-9, A-D, # and *"),
                new Problem("/actions/2/option/duration", "must be an integer from 100 to 1000"),
                new Problem("/actions/3", "must be an object (an action)"),
                new Problem("/actions/4/option/target_id", "is required"),
                new Problem("/actions/4/option/loop_count", "must be an integer from 0 to 2147483647"));
        assertThat(parse.actions()).isEmpty();
    }

    @Test
    void nested_call_actions_are_checked_with_their_own_pointer_and_id_scope() {
        ActionsParse parse = parse("""
                [{"id": "ID_1", "type": "call", "option": {
                    "destinations": [{"type": "tel", "target": "+1"}],
                    "actions": [{"id": "ID_1", "type": "answer"},
                                {"type": "goto", "option": {"target_id": "ID_2", "loop_count": 1}},
                                {"type": "hangup", "option": {"reason": "later"}}]}},
                 {"id": "ID_2", "type": "answer"}]
                """);

        // ID_1 may be reused inside (its own scope), and ID_2 of the outer list is not visible there.
        assertThat(parse.problems()).containsExactly(
                new Problem("/actions/0/option/actions/1/option/target_id", "names no action of this list"),
                new Problem("/actions/0/option/actions/2/option/reason",
                        "must be one of normal, failed, busy, cancel, timeout, noanswer, dialout, amd"));
    }

    @Test
    void nested_action_lists_are_bounded_in_depth() {
        String list = "[{\"type\": \"answer\"}]";
        for (int i = 0; i <= ActionsValidator.MAX_NESTING; i++) {
            list = "[{\"type\": \"call\", \"option\": {\"destinations\": [{\"type\": \"tel\", \"target\": \"+1\"}], "
                    + "\"actions\": " + list + "}}]";
        }

        ActionsParse parse = parse(list);

        assertThat(parse.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).endsWith("/option/actions");
            assertThat(problem.message()).isEqualTo("nests action lists deeper than 8 levels");
        });
    }

    @Test
    void a_stored_action_does_not_share_the_tree_it_was_read_from() {
        JsonNode input = json("[{\"type\": \"sleep\", \"option\": {\"duration\": 5}}]");

        ActionsParse parse = validator.parse(input, "/actions", ids());
        ((ObjectNode) input.get(0).get("option")).put("duration", 9);

        assertThat(parse.actions().get(0).option().get("duration").asInt()).isEqualTo(5);
    }

    @Test
    void wrong_json_types_anywhere_are_problems_never_exceptions() {
        List<JsonNode> oddValues = List.of(
                json("null"), json("true"), json("0"), json("-7"), json("1.5"), json("1e400"), json("\"\""),
                json("\"x\""), json("\"${v}\""), json("[]"), json("[1, \"a\", null, {}]"), json("{}"),
                json("{\"a\": [1]}"), json("123456789012345678901234567890"));
        for (ActionType type : ActionType.values()) {
            for (OptionField field : ActionCatalogue.fields(type)) {
                for (JsonNode odd : oddValues) {
                    ObjectNode option = JsonNodeFactory.instance.objectNode().set(field.name(), odd);
                    ArrayNode actions = JsonNodeFactory.instance.arrayNode();
                    actions.addObject().put("type", type.wireName()).set("option", option);

                    assertThatCode(() -> validator.parse(actions, "/actions", ids()))
                            .as("%s.%s = %s", type.wireName(), field.name(), odd)
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void every_problem_pointer_resolves_to_a_place_in_the_submitted_document_or_a_missing_field() {
        JsonNode document = json("{\"actions\": " + fill("""
                [{"type": "talk", "option": {"text": 5, "x/y": 1}},
                 {"type": "connect", "option": {"destinations": [{"type": "fax", "target": ""}]}},
                 {"type": "branch", "option": {"target_ids": {"~1": "UNKNOWN"}}}]
                """) + "}");

        ActionsParse parse = validator.parse(document.get("actions"), "/actions", ids());

        assertThat(parse.problems()).isNotEmpty().allSatisfy(problem -> {
            String pointer = problem.pointer();
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            assertThat(document.at(pointer).isMissingNode() && document.at(parent).isMissingNode())
                    .as(pointer).isFalse();
        });
        assertThat(parse.problems()).extracting(Problem::pointer)
                .contains("/actions/0/option/x~1y", "/actions/2/option/target_ids/~01");
    }

    private ActionsParse parse(String actions) {
        return validator.parse(json(fill(actions)), "/actions", ids());
    }

    private static String fill(String text) {
        return text.replace("ID_1", ID_1).replace("ID_2", ID_2).replace("ID_3", ID_3)
                .replace("OTHER", OTHER).replace("UNKNOWN", UNKNOWN).replace("FINISH", FINISH);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ArrayNode answers(int count) {
        ArrayNode actions = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < count; i++) {
            actions.addObject().put("type", "answer");
        }
        return actions;
    }

    /** Ids handed out as 0000000a-...-000000000001, 2, 3...: predictable and never reserved. */
    private static Supplier<UUID> ids() {
        AtomicLong next = new AtomicLong();
        return () -> generated(next.incrementAndGet());
    }

    private static UUID generated(long n) {
        return new UUID(0x0000000a_0000_4000L, 0x8000_0000_0000_0000L | n);
    }
}
