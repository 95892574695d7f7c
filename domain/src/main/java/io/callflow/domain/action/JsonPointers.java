package io.callflow.domain.action;

/** Builds RFC 6901 pointers, so a problem names exactly the value it is about. */
public final class JsonPointers {
    private JsonPointers() {
    }

    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
