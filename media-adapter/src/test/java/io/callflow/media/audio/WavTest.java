package io.callflow.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {
    @TempDir
    Path dir;

    @Test
    void an_8_khz_wav_round_trips_unchanged() throws Exception {
        short[] dtmf = Tones.dtmf('5', 500);
        Path file = dir.resolve("dtmf.wav");

        Wav.write(file, dtmf, 8_000);

        assertThat(Wav.read(file)).isEqualTo(dtmf);
        AudioFormat format = AudioSystem.getAudioFileFormat(file.toFile()).getFormat();
        assertThat(format.getSampleRate()).isEqualTo(8_000f);
        assertThat(format.getChannels()).isEqualTo(1);
    }

    @Test
    void a_16_khz_wav_is_resampled_to_8_khz_keeping_the_tone_and_length() throws IOException {
        short[] wide = sine(1000, 16_000, 16_000);
        Path file = dir.resolve("wide.wav");
        Wav.write(file, wide, 16_000);

        short[] narrow = Wav.read(file);

        assertThat(narrow).hasSize(8_000);
        assertThat(Goertzel.energyShare(narrow, 200, 7_600, 1000, 8_000)).isGreaterThan(0.98);
        assertThat(Pcm.rms(narrow, 200, 7_600)).isCloseTo(Pcm.rms(wide), org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void resampling_removes_what_8_khz_cannot_carry() {
        short[] above = sine(5000, 16_000, 16_000);

        short[] narrow = Resampler.resample(above, 16_000, 8_000);

        // 5 kHz would fold to 3 kHz; the low-pass leaves less than -60 dB of it.
        assertThat(Pcm.rms(narrow, 200, 7_600) / Pcm.rms(above)).isLessThan(0.001);
    }

    @Test
    void ulaw_and_alaw_wavs_are_decoded() throws IOException {
        short[] beep = Tones.beep(0);
        for (AudioFormat.Encoding encoding : new AudioFormat.Encoding[]{AudioFormat.Encoding.ULAW, AudioFormat.Encoding.ALAW}) {
            byte[] codes = encoding == AudioFormat.Encoding.ULAW ? G711.encodeUlaw(beep) : G711.encodeAlaw(beep);
            AudioFormat format = new AudioFormat(encoding, 8_000, 8, 1, 1, 8_000, false);
            Path file = dir.resolve(encoding + ".wav");
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(codes), format, codes.length),
                    AudioFileFormat.Type.WAVE, file.toFile());

            short[] read = Wav.read(file);

            assertThat(read).hasSize(beep.length);
            assertThat(Goertzel.energyShare(read, 1000, 8_000)).as("%s", encoding).isGreaterThan(0.95);
        }
    }

    @Test
    void a_big_endian_16_khz_stream_is_read_like_the_tts_output() throws IOException {
        short[] wide = sine(440, 16_000, 8_000);
        ByteBuffer bytes = ByteBuffer.allocate(wide.length * 2).order(ByteOrder.BIG_ENDIAN);
        for (short s : wide) {
            bytes.putShort(s);
        }
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, true);
        Path file = dir.resolve("be.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, wide.length),
                AudioFileFormat.Type.WAVE, file.toFile());

        assertThat(Goertzel.energyShare(Wav.read(file), 200, 3_600, 440, 8_000)).isGreaterThan(0.98);
    }

    @Test
    void stereo_keeps_each_side_in_its_channel() throws IOException {
        short[] left = Tones.beep(0);
        short[] right = Tones.dtmf('1', 400);
        Path file = dir.resolve("stereo.wav");

        Wav.writeStereo(file, left, right, 8_000);
        short[][] read = Wav.readStereo(file);

        assertThat(read[0]).hasSize(3_200).startsWith(left);
        assertThat(read[1]).isEqualTo(right);
        assertThatThrownBy(() -> Wav.read(file)).hasMessageContaining("mono");
    }

    @Test
    void a_file_that_is_not_a_wav_is_refused_with_its_name() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.wav"), "not audio");

        assertThatThrownBy(() -> Wav.read(file)).isInstanceOf(IOException.class).hasMessageContaining("notes.wav");
    }

    private static short[] sine(double frequency, int sampleRate, int length) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * frequency * i / sampleRate));
        }
        return out;
    }
}
