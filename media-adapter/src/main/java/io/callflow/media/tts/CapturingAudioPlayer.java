package io.callflow.media.tts;

import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/** A FreeTTS audio player that keeps the bytes instead of playing them. One per voice, so one thread at a time. */
final class CapturingAudioPlayer implements AudioPlayer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private AudioFormat format = new AudioFormat(16_000, 16, 1, true, true);
    private float volume = 1;

    /** The audio captured since the last call, as linear samples at {@link #sampleRate()}; clears the capture. */
    short[] takeSamples() {
        byte[] data = bytes.toByteArray();
        bytes.reset();
        boolean bigEndian = format.isBigEndian();
        short[] samples = new short[data.length / 2];
        for (int i = 0; i < samples.length; i++) {
            int high = bigEndian ? data[2 * i] : data[2 * i + 1];
            int low = bigEndian ? data[2 * i + 1] : data[2 * i];
            samples[i] = (short) ((high << 8) | (low & 0xFF));
        }
        return samples;
    }

    int sampleRate() {
        return Math.round(format.getSampleRate());
    }

    @Override
    public void setAudioFormat(AudioFormat format) {
        if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
            throw new IllegalArgumentException("expected 16-bit mono from the voice, got " + format);
        }
        this.format = format;
    }

    @Override
    public AudioFormat getAudioFormat() {
        return format;
    }

    @Override
    public boolean write(byte[] audioData) {
        return write(audioData, 0, audioData.length);
    }

    @Override
    public boolean write(byte[] audioData, int offset, int size) {
        bytes.write(audioData, offset, size);
        return true;
    }

    @Override
    public void cancel() {
        bytes.reset();
    }

    @Override
    public float getVolume() {
        return volume;
    }

    @Override
    public void setVolume(float volume) {
        this.volume = volume;
    }

    // Playback controls and metrics mean nothing when nothing is played.

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void reset() {
    }

    @Override
    public boolean drain() {
        return true;
    }

    @Override
    public void begin(int size) {
    }

    @Override
    public boolean end() {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public long getTime() {
        return 0;
    }

    @Override
    public void resetTime() {
    }

    @Override
    public void startFirstSampleTimer() {
    }

    @Override
    public void showMetrics() {
    }
}
