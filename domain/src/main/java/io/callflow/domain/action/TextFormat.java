package io.callflow.domain.action;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule a string option must follow beyond being a string. Each rule carries the
 * regular expression the schema publishes (when one can say it) and the phrase the
 * validator puts in its message, so both describe the same rule.
 */
public enum TextFormat {
    /** Any text. */
    PLAIN(null, null),
    /** DTMF keys as VoIPbin's digits_send accepts them. */
    DTMF("^[0-9A-D#*]*$", null),
    /** An absolute http or https URL (fetch, webhook_send). */
    HTTP_URL("^https?://[^\\s/?#]+([/?#]\\S*)?$", "uri"),
    /** An IANA time zone id such as {@code Europe/Paris} (condition_datetime, reference D10). */
    TIME_ZONE(null, null);

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final String pattern;
    private final Pattern compiled;
    private final String schemaFormat;

    TextFormat(String pattern, String schemaFormat) {
        this.pattern = pattern;
        this.compiled = pattern == null ? null : Pattern.compile(pattern);
        this.schemaFormat = schemaFormat;
    }

    /** The ECMA-262 compatible pattern the schema publishes, or null. */
    public String pattern() {
        return pattern;
    }

    /** The JSON Schema {@code format} annotation, or null. */
    public String schemaFormat() {
        return schemaFormat;
    }

    /** What a problem message says a value breaking this rule (or the length limit) must be. */
    public String requirement(Integer maxLength) {
        return switch (this) {
            case PLAIN -> "must be at most " + maxLength + " characters";
            case DTMF -> maxLength == null
                    ? "must contain only 0-9, A-D, # and *"
                    : "must be at most " + maxLength + " characters of 0-9, A-D, # and *";
            case HTTP_URL -> "must be an http or https URL"
                    + (maxLength == null ? "" : " of at most " + maxLength + " characters");
            case TIME_ZONE -> "must be an IANA time zone id such as Europe/Paris";
        };
    }

    public boolean accepts(String text) {
        if (compiled != null && !compiled.matcher(text).matches()) {
            return false;
        }
        return switch (this) {
            case PLAIN, DTMF -> true;
            case HTTP_URL -> isAbsoluteHttpUri(text);
            // Region ids only: an offset such as "+02:00" has no daylight saving rules
            // and is almost always a mistake for a business-hours check.
            case TIME_ZONE -> ZONES.contains(text);
        };
    }

    private static boolean isAbsoluteHttpUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
