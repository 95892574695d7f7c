package io.callflow.media.mixer;

/**
 * The audio of one call leg as the mixing core sees it: 20 ms frames of 8 kHz 16-bit
 * linear PCM (160 samples). The RTP session implements it; the mixer clock calls both
 * methods once per tick, so neither may block.
 */
public interface LegMedia {
    int SAMPLE_RATE = 8_000;
    int FRAME_SAMPLES = 160;

    /**
     * The next 20 ms the far end sent, from the jitter buffer; {@code null} when nothing is due
     * (silence, loss). The mixer copies the samples before the call returns, so the array may be reused.
     */
    short[] receive();

    /**
     * 20 ms to send to the far end (encoded with the negotiated codec); called every tick, with
     * silence when there is nothing to hear. The mixer reuses the array after the call
     * returns: encode or copy it before returning.
     */
    void send(short[] frame);
}
