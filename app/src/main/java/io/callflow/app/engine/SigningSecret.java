package io.callflow.app.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that signs every webhook and fetch request. Taken from
 * {@code callflow.http.signing-secret} when set; otherwise made once and kept in
 * {@code <data-dir>/signing-secret} so receivers can verify across restarts.
 */
@Component
public class SigningSecret {
    private final String value;

    public SigningSecret(@Value("${callflow.http.signing-secret:}") String configured,
                         @Value("${callflow.data-dir}") Path dataDir) throws IOException {
        if (!configured.isBlank()) {
            this.value = configured;
            return;
        }
        Path file = dataDir.resolve("signing-secret");
        if (Files.exists(file)) {
            this.value = Files.readString(file, StandardCharsets.UTF_8).trim();
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.value = HexFormat.of().formatHex(random);
        Files.createDirectories(dataDir);
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    }

    public String value() {
        return value;
    }
}
