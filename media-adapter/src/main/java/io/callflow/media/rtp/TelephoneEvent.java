package io.callflow.media.rtp;

/** The payload of an RFC 4733 telephone-event packet: which key, whether it ended, and for how many samples so far. */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    private static final String KEYS = "0123456789*#ABCD";

    /** The event in the 4 payload bytes at {@code offset}, or null when shorter. */
    public static TelephoneEvent parse(byte[] data, int offset, int length) {
        if (length < 4) {
            return null;
        }
        return new TelephoneEvent(data[offset] & 0xFF, (data[offset + 1] & 0x80) != 0, data[offset + 1] & 0x3F,
                ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF));
    }

    /** The event code of a key, or -1 for a character that is not a DTMF key. */
    public static int eventOf(char key) {
        return KEYS.indexOf(Character.toUpperCase(key));
    }

    /** The key of a DTMF event (0-15); 0 for other events such as flash. */
    public char key() {
        return event < KEYS.length() ? KEYS.charAt(event) : 0;
    }

    public byte[] toBytes() {
        return new byte[]{(byte) event, (byte) ((end ? 0x80 : 0) | (volume & 0x3F)), (byte) (duration >> 8), (byte) duration};
    }
}
