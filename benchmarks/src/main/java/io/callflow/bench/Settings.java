package io.callflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Benchmark settings, all system properties with the defaults of a full run (run.sh's QUICK=1 shortens them). */
final class Settings {
    private Settings() {
    }

    static int integer(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static String text(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static boolean flag(String name) {
        return Boolean.parseBoolean(System.getProperty(name, "false"));
    }

    /** Seconds, fractions allowed: {@code -Dbench.duration=2.5}. */
    static Duration seconds(String name, double fallback) {
        String value = System.getProperty(name);
        double seconds = value == null || value.isBlank() ? fallback : Double.parseDouble(value.trim());
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    static List<Integer> integers(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    /** Where data directories go: {@code bench.target}, else ./target. */
    static Path targetDirectory() {
        Path target = Path.of(text("bench.target", "target")).toAbsolutePath();
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
