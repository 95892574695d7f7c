package io.callflow.domain.call;

/** An endpoint as VoIPbin writes it: {@code type} (tel, sip, ...) and {@code target}, with optional names. */
public record Address(String type, String target, String targetName, String name, String detail) {
    public static Address of(String type, String target) {
        return new Address(type, target, "", "", "");
    }
}
