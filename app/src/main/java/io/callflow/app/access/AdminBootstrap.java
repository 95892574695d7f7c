package io.callflow.app.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * First start: makes the default customer and an admin key, prints the key once
 * and writes it to {@code <data-dir>/admin-api-key}. Later starts find the
 * customer and change nothing.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccessKeys keys;
    private final Path dataDir;

    public AdminBootstrap(AccessKeys keys, @Value("${callflow.data-dir}") Path dataDir) {
        this.keys = keys;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (keys.anyCustomer()) {
            return;
        }
        CustomerResource customer = keys.createCustomer("default", "made on first start");
        AccessKeys.IssuedKey admin = keys.issue(new io.callflow.domain.common.CustomerId(customer.id()), "admin",
                "made on first start", true);
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("admin-api-key");
        Files.writeString(file, admin.key() + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps its default permissions
        }
        log.info("created customer {} with admin API key {} (also written to {})", customer.id(), admin.key(),
                file.toAbsolutePath());
    }
}
