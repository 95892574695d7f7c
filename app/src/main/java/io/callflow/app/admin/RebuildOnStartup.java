package io.callflow.app.admin;

import io.callflow.domain.common.NotFound;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --callflow.rebuild=<projection>}: rebuilds that projection the same way as the admin endpoint,
 * prints a progress line about once a second, and exits (0 when done, 1 when it failed, 2 for a projection that does not exist).
 */
@Component
@ConditionalOnProperty("callflow.rebuild")
class RebuildOnStartup implements ApplicationRunner {
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final ProjectionRebuilder rebuilder;
    private final ConfigurableApplicationContext context;
    private final String projection;

    RebuildOnStartup(ProjectionRebuilder rebuilder, ConfigurableApplicationContext context) {
        this.rebuilder = rebuilder;
        this.context = context;
        this.projection = context.getEnvironment().getProperty("callflow.rebuild");
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant[] next = {Instant.EPOCH};
        int code;
        try {
            RebuildProgress result = rebuilder.rebuild(projection, progress -> {
                if (progress.finished() || Instant.now().isAfter(next[0])) {
                    System.out.println(progress.line());
                    next[0] = Instant.now().plus(EVERY);
                }
            });
            code = "done".equals(result.status()) ? 0 : 1;
        } catch (NotFound e) {
            System.out.println("no rebuild: " + e.getMessage());
            code = 2;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
