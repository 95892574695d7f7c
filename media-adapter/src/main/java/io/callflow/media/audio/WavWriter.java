package io.callflow.media.audio;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a 16-bit PCM WAV file as samples arrive (recordings): the header is written with
 * zero sizes first and completed on {@link #close()}. Stereo frames are interleaved left, right.
 * Not thread-safe: one writer thread owns it.
 */
public final class WavWriter implements AutoCloseable {
    private static final int HEADER_BYTES = 44;

    private final FileChannel channel;
    private final int channels;
    private final int sampleRate;
    private ByteBuffer buffer = ByteBuffer.allocate(0);
    private long frames;

    private WavWriter(FileChannel channel, int channels, int sampleRate) {
        this.channel = channel;
        this.channels = channels;
        this.sampleRate = sampleRate;
    }

    /** Creates (or truncates) the file and writes a provisional header. */
    public static WavWriter create(Path file, int channels, int sampleRate) throws IOException {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("mono or stereo only: " + channels);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        WavWriter writer = new WavWriter(channel, channels, sampleRate);
        writer.writeHeader();
        return writer;
    }

    /** Appends mono samples. */
    public void write(short[] samples, int offset, int length) throws IOException {
        requireChannels(1);
        ByteBuffer bytes = buffer(length * 2);
        for (int i = offset; i < offset + length; i++) {
            bytes.putShort(samples[i]);
        }
        flush(bytes);
        frames += length;
    }

    /** Appends stereo frames: {@code left[i]} and {@code right[i]} for i below {@code length}. */
    public void write(short[] left, short[] right, int length) throws IOException {
        requireChannels(2);
        ByteBuffer bytes = buffer(length * 4);
        for (int i = 0; i < length; i++) {
            bytes.putShort(left[i]).putShort(right[i]);
        }
        flush(bytes);
        frames += length;
    }

    /** Sample frames written so far (per channel). */
    public long frames() {
        return frames;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Completes the header's sizes and closes the file. */
    @Override
    public void close() throws IOException {
        try (channel) {
            writeHeader();
        }
    }

    private void writeHeader() throws IOException {
        long dataBytes = frames * channels * 2;
        if (dataBytes + HEADER_BYTES - 8 > 0xFFFF_FFFFL) {
            throw new IOException("WAV data over 4 GiB");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(US_ASCII)).putInt((int) (dataBytes + HEADER_BYTES - 8))
                .put("WAVEfmt ".getBytes(US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16)
                .put("data".getBytes(US_ASCII)).putInt((int) dataBytes)
                .flip();
        while (header.hasRemaining()) {
            channel.write(header, HEADER_BYTES - header.remaining());
        }
    }

    private ByteBuffer buffer(int bytes) {
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        return buffer;
    }

    private void flush(ByteBuffer bytes) throws IOException {
        bytes.flip();
        long position = HEADER_BYTES + frames * channels * 2;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    private void requireChannels(int expected) {
        if (channels != expected) {
            throw new IllegalStateException("this WAV has " + channels + " channel(s)");
        }
    }
}
