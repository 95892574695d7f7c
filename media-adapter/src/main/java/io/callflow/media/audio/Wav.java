package io.callflow.media.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * WAV files in and out of the mixer's format, 8 kHz 16-bit linear PCM. Reads 16-bit PCM (any
 * rate, either byte order), µ-law and A-law WAVs, resampling to 8 kHz with {@link Resampler}.
 */
public final class Wav {
    public static final int SAMPLE_RATE = 8_000;

    private Wav() {
    }

    /** A mono WAV as 8 kHz samples. */
    public static short[] read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /** A mono WAV held in memory (e.g. fetched over HTTP) as 8 kHz samples; {@code name} is for messages. */
    public static short[] read(byte[] wav, String name) throws IOException {
        short[][] channels = decode(wav, name);
        if (channels.length != 1) {
            throw new IOException(name + ": expected a mono WAV, found " + channels.length + " channels");
        }
        return channels[0];
    }

    /** A stereo WAV as two 8 kHz channels, left then right. */
    public static short[][] readStereo(Path file) throws IOException {
        short[][] channels = decode(Files.readAllBytes(file), file.toString());
        if (channels.length != 2) {
            throw new IOException(file + ": expected a stereo WAV, found " + channels.length + " channel(s)");
        }
        return channels;
    }

    /** Writes 16-bit mono samples at {@code sampleRate}. */
    public static void write(Path file, short[] samples, int sampleRate) throws IOException {
        try (WavWriter writer = WavWriter.create(file, 1, sampleRate)) {
            writer.write(samples, 0, samples.length);
        }
    }

    /** Writes a 16-bit stereo WAV, one channel per side; the shorter side is padded with silence. */
    public static void writeStereo(Path file, short[] left, short[] right, int sampleRate) throws IOException {
        int length = Math.max(left.length, right.length);
        try (WavWriter writer = WavWriter.create(file, 2, sampleRate)) {
            writer.write(Arrays.copyOf(left, length), Arrays.copyOf(right, length), length);
        }
    }

    private static short[][] decode(byte[] wav, String name) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = in.getFormat();
            byte[] data = readFully(in);
            int channels = format.getChannels();
            if (channels != 1 && channels != 2) {
                throw new IOException(name + ": " + channels + " channels are not supported");
            }
            short[][] out = samples(data, format, channels, name);
            int rate = Math.round(format.getSampleRate());
            for (int c = 0; c < channels; c++) {
                out[c] = Resampler.resample(out[c], rate, SAMPLE_RATE);
            }
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(name + ": not a readable WAV file (" + e.getMessage() + ")", e);
        }
    }

    private static short[][] samples(byte[] data, AudioFormat format, int channels, String name) throws IOException {
        AudioFormat.Encoding encoding = format.getEncoding();
        int bytesPerSample = format.getSampleSizeInBits() / 8;
        int frames = data.length / (bytesPerSample * channels);
        short[][] out = new short[channels][frames];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * bytesPerSample;
                out[c][i] = sample(data, at, format, encoding, name);
            }
        }
        return out;
    }

    private static short sample(byte[] data, int at, AudioFormat format, AudioFormat.Encoding encoding, String name)
            throws IOException {
        int bits = format.getSampleSizeInBits();
        if (encoding.equals(AudioFormat.Encoding.ULAW) && bits == 8) {
            return G711.fromUlaw(data[at]);
        }
        if (encoding.equals(AudioFormat.Encoding.ALAW) && bits == 8) {
            return G711.fromAlaw(data[at]);
        }
        if (encoding.equals(AudioFormat.Encoding.PCM_SIGNED) && bits == 16) {
            return format.isBigEndian()
                    ? (short) ((data[at] << 8) | (data[at + 1] & 0xFF))
                    : (short) ((data[at + 1] << 8) | (data[at] & 0xFF));
        }
        throw new IOException(name + ": unsupported WAV encoding " + encoding + " " + bits + " bit");
    }

    /** Reads to the end; a zero-byte read is not the end (some streams return 0 before more data). */
    private static byte[] readFully(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk, 0, chunk.length)) != -1) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
