package io.callflow.media.tts;

import java.util.regex.Pattern;

/** SSML reduced to the plain text an engine without SSML support can speak. */
public final class Ssml {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Ssml() {
    }

    /** Drops every tag (a {@code <break/>} becomes a space), decodes the five XML entities and collapses white space. */
    public static String toPlainText(String text) {
        String withoutTags = TAG.matcher(text).replaceAll(" ");
        String decoded = withoutTags.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
        return SPACES.matcher(decoded).replaceAll(" ").trim();
    }
}
