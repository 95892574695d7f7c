package io.callflow.media.mixer;

import java.nio.file.Path;
import java.time.Duration;

/** Told once when a recording's file is complete. */
@FunctionalInterface
public interface RecordingListener {
    void ended(Path file, Duration length, String detail);
}
