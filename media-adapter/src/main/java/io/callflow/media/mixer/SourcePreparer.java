package io.callflow.media.mixer;

import io.callflow.media.audio.Tones;
import io.callflow.media.audio.Wav;
import io.callflow.media.tts.SpeechEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Turns audio sources into 8 kHz samples on worker threads, never on the mixer clock. */
final class SourcePreparer {
    /** About 35 minutes of 8 kHz 16-bit audio. */
    static final int MAX_URL_BYTES = 32 << 20;

    private final SpeechEngine speech;
    private final HttpClient http;
    private final Executor worker;
    private final Duration urlTimeout;

    SourcePreparer(SpeechEngine speech, HttpClient http, Executor worker, Duration urlTimeout) {
        this.speech = speech;
        this.http = http;
        this.worker = worker;
        this.urlTimeout = urlTimeout;
    }

    /** Completes with the samples, or exceptionally with a cause whose message says what went wrong. */
    CompletableFuture<short[]> prepare(AudioSource source) {
        if (source instanceof AudioSource.Samples samples) {
            return CompletableFuture.completedFuture(samples.pcm().clone());
        }
        return CompletableFuture.supplyAsync(() -> load(source), worker);
    }

    private short[] load(AudioSource source) {
        try {
            if (source instanceof AudioSource.Tone tone) {
                return Tones.named(tone.name(), tone.durationMs());
            }
            if (source instanceof AudioSource.Speech text) {
                return speech.synthesize(text.text(), orEmpty(text.language()), orEmpty(text.voice()));
            }
            if (source instanceof AudioSource.WavFile file) {
                return Wav.read(file.path());
            }
            if (source instanceof AudioSource.Url url) {
                return fetch(url);
            }
            throw new IllegalArgumentException("unknown audio source " + source);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private short[] fetch(AudioSource.Url url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url.uri()).timeout(urlTimeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("GET " + url.uri() + " interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + url.uri() + " answered " + response.statusCode());
            }
            byte[] wav = body.readNBytes(MAX_URL_BYTES + 1);
            if (wav.length > MAX_URL_BYTES) {
                throw new IOException("GET " + url.uri() + " returned more than " + MAX_URL_BYTES + " bytes");
            }
            return Wav.read(wav, url.uri().toString());
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
