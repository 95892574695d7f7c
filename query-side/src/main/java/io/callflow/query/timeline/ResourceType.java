package io.callflow.query.timeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The resources a timeline can be asked for, and the package their events live in. */
public enum ResourceType {
    FLOWS("flow"),
    ACTIVEFLOWS("activeflow"),
    CALLS("call"),
    CONFERENCES("conference");

    private final String singular;

    ResourceType(String singular) {
        this.singular = singular;
    }

    /** The path segment, e.g. {@code activeflows}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String singular() {
        return singular;
    }

    /** Every event of this resource is a record in this package (stored as {@code payloadtype}). */
    public String eventPackage() {
        return "io.callflow.domain." + singular + ".";
    }

    public static Optional<ResourceType> fromPath(String text) {
        return Arrays.stream(values()).filter(t -> t.pathName().equals(text)).findFirst();
    }
}
