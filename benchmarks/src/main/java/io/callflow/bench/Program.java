package io.callflow.bench;

/**
 * Runs a benchmark program and ends the JVM when it is done: Axon leaves a non-daemon thread
 * ({@code axon-janitor-0}) behind after the application context is closed, which would keep
 * the JVM alive after {@code main} returns.
 */
final class Program {
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private Program() {
    }

    static void run(Body body) {
        int status = 0;
        try {
            body.run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }
}
