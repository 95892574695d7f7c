package io.callflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 4, benchmark 3: key presses sent by real SIP clients, each received once. Every caller is
 * a SIPp process of its own that plays a capture written by {@link KeyPressCapture}: its keys as
 * RFC 4733 events (each end packet three times, the same key twice in a row now and then) between
 * G.711 silence. The platform's number runs {@code answer → digits_receive (length = the keys per
 * call) → hangup}; what it received is read back through the API: each call's
 * {@code dtmf_received} events from its timeline, and the activeflow's
 * {@code voipbin.call.digits}. Baseline in the same run: the same callers and captures against
 * JAIN-SIP alone answering with a {@link KeyCounter} reading the events straight off the socket.
 */
public final class DtmfDelivery {
    private static final String NUMBER = "4003";

    private DtmfDelivery() {
    }

    public static void main(String[] args) {
        Program.run(DtmfDelivery::measure);
    }

    /** One caller: its SIP user, the SSRC of its stream, the keys it presses. */
    private record Caller(String user, int ssrc, String keys, Path capture) {
    }

    /** What one side made of one caller's keys. */
    private record Heard(String keys, String collected) {
    }

    private static void measure() throws Exception {
        int callers = Settings.integer("bench.dtmf-callers", 10);
        int perCaller = Settings.integer("bench.dtmf-keys", 100);
        List<Caller> sent = callers(callers, perCaller);
        long playMillis = KeyPressCapture.millis(perCaller);
        System.out.printf(Locale.ROOT, "%nDtmfDelivery: %d callers (a SIPp each, at once) press %d keys each (%,d in all):"
                        + " RFC 4733, %d ms per key, each end packet sent 3 times; flow answer → digits_receive → hangup;"
                        + " baseline: JAIN-SIP answering, events read off the socket%n", callers, perCaller,
                callers * perCaller, KeyPressCapture.CYCLE_MILLIS);

        Map<Caller, Heard> baseline = new LinkedHashMap<>();
        long wireEndPackets;
        int basePort = CallsPerSecond.freePort();
        try (KeyCounter counter = new KeyCounter();
             BaselineResponder responder = new BaselineResponder("127.0.0.1", basePort, playMillis + 1_000,
                     counter.port())) {
            call(sent, basePort, playMillis);
            for (Caller caller : sent) {
                baseline.put(caller, new Heard(counter.keys(caller.ssrc), null));
            }
            wireEndPackets = counter.endPackets();
            System.out.printf(Locale.ROOT, "  baseline: %,d event packets read, %,d of them end packets%n",
                    counter.eventPackets(), wireEndPackets);
        }

        Map<Caller, Heard> platform = new LinkedHashMap<>();
        int sipPort = CallsPerSecond.freePort();
        try (Platform running = Platform.withSip("dtmf", sipPort)) {
            running.describe("DtmfDelivery");
            Api api = running.api();
            api.number(NUMBER, "[{\"type\":\"answer\"},{\"type\":\"digits_receive\",\"option\":{\"length\":" + perCaller
                    + ",\"duration\":" + (playMillis + 10_000) + "}},{\"type\":\"hangup\"}]");
            call(sent, sipPort, playMillis + 10_000);
            running.awaitProcessorsCaughtUp(Duration.ofSeconds(60));
            Map<String, JsonNode> calls = callsByCaller(api);
            for (Caller caller : sent) {
                JsonNode call = calls.get(caller.user);
                platform.put(caller, call == null ? new Heard("", "") : new Heard(timelineKeys(api, call),
                        collected(api, call)));
            }
        }

        Table table = new Table("receiver", "callers", "keys sent", "keys received", "received once", "duplicated",
                "lost", "callers in order", "digits_receive complete");
        row(table, "baseline (events read off the socket)", sent, baseline);
        row(table, "platform (dtmf_received events)", sent, platform);
        System.out.println();
        System.out.print(table.render());
        System.out.printf(Locale.ROOT, "  end packets on the wire: %,d for %,d keys%n", wireEndPackets, callers * perCaller);
        boolean met = tally(sent, platform).exact == callers && tally(sent, platform).collected == callers;
        System.out.printf(Locale.ROOT, "  target %,d keys sent, all received once, none duplicated: %s%n",
                callers * perCaller, Table.verdict(met));
    }

    /** Keys from all of KeyPressCapture.KEYS, each caller its own order, with a repeated key every ninth press. */
    private static List<Caller> callers(int count, int keys) throws Exception {
        List<Caller> callers = new ArrayList<>();
        String alphabet = KeyPressCapture.KEYS;
        for (int c = 0; c < count; c++) {
            StringBuilder pressed = new StringBuilder();
            for (int k = 0; k < keys; k++) {
                pressed.append(k % 9 == 8 ? pressed.charAt(k - 1) : alphabet.charAt((c * 7 + k * 5 + k / 16) % alphabet.length()));
            }
            int ssrc = 0x5eed_0000 + c;
            Path capture = Settings.targetDirectory().resolve("dtmf-keys-" + c + ".pcap");
            KeyPressCapture.write(capture, pressed.toString(), ssrc);
            callers.add(new Caller("keys" + c, ssrc, pressed.toString(), capture));
        }
        return callers;
    }

    /** Every caller calls once, all at the same time, and hangs up when the called side sends BYE. */
    private static void call(List<Caller> callers, int port, long byeTimeoutMillis) throws Exception {
        List<SippLoad> loads = new ArrayList<>();
        try {
            for (Caller caller : callers) {
                loads.add(SippLoad.start("dtmf-" + caller.user, "dtmf_uac.xml", Map.of("caller", caller.user,
                                "pcap", caller.capture.toString(), "bye_timeout", String.valueOf(byeTimeoutMillis + 5_000)),
                        NUMBER, port, 1, 1, 1, (int) (byeTimeoutMillis / 1000) + 60));
            }
            for (int i = 0; i < loads.size(); i++) {
                SippLoad.Result result = loads.get(i).await(byeTimeoutMillis / 1000 + 90);
                if (result.successful() != 1) {
                    System.out.printf(Locale.ROOT, "  caller %s: SIPp exit %d, %d successful, %d failed%s%n",
                            callers.get(i).user, result.exitCode(), result.successful(), result.failed(),
                            result.errors().isBlank() ? "" : "\n    " + result.errors().replace("\n", "\n    "));
                }
            }
        } finally {
            for (SippLoad load : loads) {
                load.close();
            }
        }
    }

    /** The incoming calls, by the user of their source address ({@code keys3@127.0.0.1:port}). */
    private static Map<String, JsonNode> callsByCaller(Api api) throws Exception {
        Map<String, JsonNode> calls = new LinkedHashMap<>();
        for (JsonNode call : api.get("/v1/calls?direction=incoming&page_size=100").get("result")) {
            String source = call.get("source").get("target").asText();
            calls.put(source.substring(0, Math.max(0, source.indexOf('@'))), call);
        }
        return calls;
    }

    /** The call's keys as its timeline shows them: one dtmf_received event per key, oldest first. */
    private static String timelineKeys(Api api, JsonNode call) throws Exception {
        StringBuilder keys = new StringBuilder();
        String token = "";
        while (true) {
            JsonNode page = api.get("/v1/timelines/calls/" + call.get("id").asText() + "/events?page_size=100"
                    + (token.isEmpty() ? "" : "&page_token=" + token));
            for (JsonNode event : page.get("result")) {
                if ("dtmf_received".equals(event.get("event_type").asText())) {
                    keys.append(event.get("payload").get("digit").asText());
                }
            }
            token = page.path("next_page_token").asText("");
            if (page.get("result").isEmpty() || token.isEmpty()) {
                return keys.toString();
            }
        }
    }

    /** What the flow's digits_receive collected: the activeflow's voipbin.call.digits. */
    private static String collected(Api api, JsonNode call) throws Exception {
        JsonNode activeflow = api.get("/v1/activeflows/" + call.get("activeflow_id").asText());
        return activeflow.path("variables").path("voipbin.call.digits").asText("");
    }

    /** Counts over all callers: keys received, received once (in the sent order), duplicated, lost. */
    private record Tally(long sent, long received, long once, long duplicated, long lost, int exact, int collected) {
    }

    private static Tally tally(List<Caller> sent, Map<Caller, Heard> heard) {
        long total = 0;
        long received = 0;
        long once = 0;
        long duplicated = 0;
        long lost = 0;
        int exact = 0;
        int collected = 0;
        for (Caller caller : sent) {
            Heard h = heard.get(caller);
            total += caller.keys.length();
            received += h.keys.length();
            int common = commonSubsequence(caller.keys, h.keys);
            once += common;
            duplicated += h.keys.length() - common;
            lost += caller.keys.length() - common;
            exact += caller.keys.equals(h.keys) ? 1 : 0;
            collected += caller.keys.equals(h.collected) ? 1 : 0;
        }
        return new Tally(total, received, once, duplicated, lost, exact, collected);
    }

    private static void row(Table table, String name, List<Caller> sent, Map<Caller, Heard> heard) {
        Tally t = tally(sent, heard);
        boolean flow = heard.values().stream().anyMatch(h -> h.collected != null);
        table.row(name, sent.size(), t.sent, t.received, t.once, t.duplicated, t.lost, t.exact + " of " + sent.size(),
                flow ? t.collected + " of " + sent.size() : "");
    }

    /**
     * Longest common subsequence: the keys received once and in order. What was received beyond it
     * was extra (a duplicate or a key never sent), what was sent beyond it was lost.
     */
    private static int commonSubsequence(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                current[j] = a.charAt(i - 1) == b.charAt(j - 1) ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
