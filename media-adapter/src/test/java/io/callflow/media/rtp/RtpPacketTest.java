package io.callflow.media.rtp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RtpPacketTest {
    @Test
    void header_fields_survive_a_round_trip() {
        byte[] data = RtpPacket.write(true, 8, 65535, -2, 0x12345678, new byte[160]);
        assertThat(RtpPacket.parse(data, data.length))
                .isEqualTo(new RtpPacket(true, 8, 65535, -2, 0x12345678, 12, 160));
    }

    @Test
    void csrc_list_extension_and_padding_are_skipped() {
        byte[] data = new byte[12 + 2 * 4 + 4 + 8 + 160 + 4];
        data[0] = (byte) (0x80 | 0x20 | 0x10 | 2);
        data[1] = 0;
        data[12 + 8 + 3] = 2; // extension of two 32-bit words
        data[data.length - 1] = 4; // four bytes of padding
        assertThat(RtpPacket.parse(data, data.length)).extracting(RtpPacket::payloadOffset, RtpPacket::payloadLength)
                .containsExactly(12 + 8 + 4 + 8, 160);
    }

    @Test
    void short_or_wrong_version_or_inconsistent_datagrams_are_not_rtp() {
        assertThat(RtpPacket.parse(new byte[11], 11)).isNull();
        byte[] version1 = new byte[20];
        version1[0] = 0x40;
        assertThat(RtpPacket.parse(version1, 20)).isNull();
        byte[] tooManyCsrc = new byte[20];
        tooManyCsrc[0] = (byte) 0x8F;
        assertThat(RtpPacket.parse(tooManyCsrc, 20)).isNull();
        byte[] hugePadding = new byte[20];
        hugePadding[0] = (byte) 0xA0;
        hugePadding[19] = (byte) 200;
        assertThat(RtpPacket.parse(hugePadding, 20)).isNull();
    }
}
