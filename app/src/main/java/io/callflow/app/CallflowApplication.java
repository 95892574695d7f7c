package io.callflow.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The call-flow platform: one process with the event store, the engine, and the REST API. */
@SpringBootApplication(scanBasePackages = {"io.callflow.app", "io.callflow.command", "io.callflow.query"})
public class CallflowApplication {

    public static void main(String[] args) {
        // the update checker calls a host outside; users behind firewalls do not want that
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CallflowApplication.class, args);
    }
}
