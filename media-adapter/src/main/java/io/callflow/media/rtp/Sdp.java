package io.callflow.media.rtp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audio part of an SDP body (RFC 4566): where the sender wants RTP and which payload
 * types it takes, in its order of preference. Only the first {@code m=audio} line counts.
 */
public record Sdp(String address, int port, List<Integer> payloadTypes, Map<Integer, String> rtpmap) {

    private static final String TELEPHONE_EVENT = "telephone-event/8000";

    /** Thrown for a body that has no usable audio description. */
    public static final class MalformedSdp extends Exception {
        MalformedSdp(String message) {
            super(message);
        }
    }

    public static Sdp parse(String body) throws MalformedSdp {
        if (body == null || body.isBlank()) {
            throw new MalformedSdp("empty body");
        }
        String sessionAddress = null;
        String mediaAddress = null;
        int port = -1;
        List<Integer> payloadTypes = null;
        Map<Integer, String> rtpmap = new LinkedHashMap<>();
        boolean inAudio = false;
        boolean audioSeen = false;
        for (String raw : body.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            String value = line.substring(2);
            switch (line.charAt(0)) {
                case 'm' -> {
                    inAudio = !audioSeen && value.startsWith("audio ");
                    if (inAudio) {
                        audioSeen = true;
                        String[] parts = value.split(" +");
                        if (parts.length < 4) {
                            throw new MalformedSdp("short m= line: " + line);
                        }
                        port = number(parts[1].split("/")[0], line);
                        payloadTypes = new ArrayList<>();
                        for (int i = 3; i < parts.length; i++) {
                            payloadTypes.add(number(parts[i], line));
                        }
                    }
                }
                case 'c' -> {
                    String[] parts = value.split(" +");
                    if (parts.length < 3 || !parts[0].equals("IN")) {
                        throw new MalformedSdp("bad c= line: " + line);
                    }
                    String address = parts[2].split("/")[0];
                    if (inAudio) {
                        mediaAddress = address;
                    } else if (!audioSeen) {
                        sessionAddress = address;
                    }
                }
                case 'a' -> {
                    if (inAudio && value.startsWith("rtpmap:")) {
                        String[] parts = value.substring(7).split(" +", 2);
                        if (parts.length == 2) {
                            rtpmap.put(number(parts[0], line), parts[1].toLowerCase(Locale.ROOT));
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (!audioSeen) {
            throw new MalformedSdp("no m=audio line");
        }
        String address = mediaAddress != null ? mediaAddress : sessionAddress;
        if (address == null) {
            throw new MalformedSdp("no c= line for audio");
        }
        if (port < 0 || port > 65535) {
            throw new MalformedSdp("bad audio port " + port);
        }
        return new Sdp(address, port, List.copyOf(payloadTypes), Map.copyOf(rtpmap));
    }

    /** The first codec in the sender's order that we speak, with its telephone-event type if offered; null when none. */
    public MediaFormat negotiate() {
        for (int pt : payloadTypes) {
            Codec codec = Codec.ofPayloadType(pt);
            if (codec != null) {
                return new MediaFormat(codec, telephoneEventPayloadType());
            }
        }
        return null;
    }

    /**
     * For a new offer in a running session: {@code current}'s codec if this offer still has it (so a re-INVITE
     * does not switch codecs under the answer we repeat), with this offer's telephone-event type; else as
     * {@link #negotiate()}.
     */
    public MediaFormat renegotiate(MediaFormat current) {
        if (current != null && payloadTypes.contains(current.codec().payloadType())) {
            return new MediaFormat(current.codec(), telephoneEventPayloadType());
        }
        return negotiate();
    }

    private int telephoneEventPayloadType() {
        for (int pt : payloadTypes) {
            if (TELEPHONE_EVENT.equals(rtpmap.get(pt))) {
                return pt;
            }
        }
        return -1;
    }

    /** Our offer: PCMU, PCMA and telephone-event 101. */
    public static String offer(String host, int port, long sessionId) {
        return write(host, port, sessionId, sessionId, List.of(Codec.PCMU, Codec.PCMA), 101, "sendrecv");
    }

    /** Our answer to an offer that {@link #negotiate() negotiated} to {@code format}. */
    public static String answer(String host, int port, long sessionId, MediaFormat format) {
        return write(host, port, sessionId, sessionId, List.of(format.codec()), format.eventPayloadType(), "sendrecv");
    }

    /**
     * Our answer to a new offer in a session where we last sent {@code previous} (our offer or answer):
     * the one codec {@code format} names, with {@code direction}; the same session id, and the {@code o=}
     * version one above the previous one when the body changes (RFC 3264 8), else {@code previous} itself.
     */
    public static String answerAgain(String previous, String host, int port, MediaFormat format, String direction) {
        long sessionId = System.currentTimeMillis();
        long version = sessionId;
        for (String line : previous.split("\r\n")) {
            String[] parts = line.split(" ");
            if (line.startsWith("o=") && parts.length >= 6) {
                try {
                    sessionId = Long.parseLong(parts[1]);
                    version = Long.parseLong(parts[2]);
                } catch (NumberFormatException ignored) {
                    // not one of ours: a fresh origin
                }
            }
        }
        List<Codec> codecs = List.of(format.codec());
        String same = write(host, port, sessionId, version, codecs, format.eventPayloadType(), direction);
        return same.equals(previous) ? previous
                : write(host, port, sessionId, version + 1, codecs, format.eventPayloadType(), direction);
    }

    private static String write(String host, int port, long sessionId, long version, List<Codec> codecs,
                                int eventPayloadType, String direction) {
        StringBuilder m = new StringBuilder("m=audio ").append(port).append(" RTP/AVP");
        StringBuilder attributes = new StringBuilder();
        for (Codec codec : codecs) {
            m.append(' ').append(codec.payloadType());
            attributes.append("a=rtpmap:").append(codec.payloadType()).append(' ').append(codec.name()).append("/8000\r\n");
        }
        if (eventPayloadType >= 0) {
            m.append(' ').append(eventPayloadType);
            attributes.append("a=rtpmap:").append(eventPayloadType).append(" telephone-event/8000\r\n")
                    .append("a=fmtp:").append(eventPayloadType).append(" 0-16\r\n");
        }
        return "v=0\r\n"
                + "o=callflow " + sessionId + " " + version + " IN IP4 " + host + "\r\n"
                + "s=callflow\r\n"
                + "c=IN IP4 " + host + "\r\n"
                + "t=0 0\r\n"
                + m + "\r\n"
                + attributes
                + "a=ptime:20\r\n"
                + "a=" + direction + "\r\n";
    }

    /**
     * The media direction a body asks for: the audio line's {@code a=sendonly}, {@code recvonly} or
     * {@code inactive}, else the session's, else {@code sendrecv}.
     */
    public static String direction(String body) {
        String session = null;
        String audio = null;
        boolean inAudio = false;
        boolean audioSeen = false;
        for (String raw : body.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                inAudio = !audioSeen && line.startsWith("m=audio ");
                audioSeen |= inAudio;
            } else if (DIRECTIONS.contains(line.startsWith("a=") ? line.substring(2) : "")) {
                if (inAudio) {
                    audio = line.substring(2);
                } else if (!audioSeen) {
                    session = line.substring(2);
                }
            }
        }
        return audio != null ? audio : session != null ? session : "sendrecv";
    }

    /** The direction that answers an offered one (RFC 3264 6.1): a party that only sends is answered by one that only receives. */
    public static String answerDirection(String offered) {
        return switch (offered) {
            case "sendonly" -> "recvonly";
            case "recvonly" -> "sendonly";
            case "inactive" -> "inactive";
            default -> "sendrecv";
        };
    }

    private static final java.util.Set<String> DIRECTIONS = java.util.Set.of("sendrecv", "sendonly", "recvonly",
            "inactive");

    private static int number(String text, String line) throws MalformedSdp {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new MalformedSdp("not a number in: " + line);
        }
    }
}
