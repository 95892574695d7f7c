package io.callflow.media.mixer;

import io.callflow.media.tts.FreeTtsSpeechEngine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A running core for tests, with the helpers they share. */
final class MixerFixture implements AutoCloseable {
    static final int RATE = LegMedia.SAMPLE_RATE;
    private static final String SYNC_LEG = "sync";

    final FreeTtsSpeechEngine speech = new FreeTtsSpeechEngine(1);
    final LocalMixingCore core = new LocalMixingCore(speech);

    MixerFixture() throws Exception {
        core.addLeg(SYNC_LEG, new TestLeg());
        applied();
    }

    /** Waits until the core has run every command given before (it runs them in order). */
    void applied() throws Exception {
        CompletableFuture<PlaybackListener.Outcome> done = new CompletableFuture<>();
        core.play(SYNC_LEG, List.of(new AudioSource.Samples(new short[0])), (outcome, detail) -> done.complete(outcome));
        done.get(20, TimeUnit.SECONDS);
    }

    /** One 20 ms frame of a pure tone; frequencies that are multiples of 50 Hz repeat seamlessly. */
    static short[] toneFrame(int frequency) {
        short[] frame = new short[LegMedia.FRAME_SAMPLES];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.round(6000 * Math.sin(2 * Math.PI * frequency * i / RATE));
        }
        return frame;
    }

    static AudioSource beep() {
        return new AudioSource.Tone("beep", 0);
    }

    @Override
    public void close() {
        core.close();
        speech.close();
    }
}
