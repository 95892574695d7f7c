package io.callflow.media.rtp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdpTest {
    private static final String OFFER = """
            v=0\r
            o=- 1 1 IN IP4 10.0.0.1\r
            s=-\r
            c=IN IP4 10.0.0.1\r
            t=0 0\r
            m=audio 4000 RTP/AVP 9 8 0 96\r
            c=IN IP4 10.0.0.2\r
            a=rtpmap:9 G722/8000\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:96 telephone-event/8000\r
            a=fmtp:96 0-16\r
            m=video 5000 RTP/AVP 97\r
            c=IN IP4 10.0.0.3\r
            """;

    @Test
    void media_level_address_and_the_first_common_codec_in_the_offer_order_win() throws Exception {
        Sdp sdp = Sdp.parse(OFFER);
        assertThat(sdp.address()).isEqualTo("10.0.0.2");
        assertThat(sdp.port()).isEqualTo(4000);
        assertThat(sdp.negotiate()).isEqualTo(new MediaFormat(Codec.PCMA, 96));
    }

    @Test
    void offer_without_g711_negotiates_nothing() throws Exception {
        assertThat(Sdp.parse("v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP 9 18\n").negotiate()).isNull();
    }

    @Test
    void offer_without_telephone_event_negotiates_no_event_type() throws Exception {
        assertThat(Sdp.parse("v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP 0\n").negotiate())
                .isEqualTo(new MediaFormat(Codec.PCMU, -1));
    }

    @Test
    void unreadable_bodies_are_malformed() {
        for (String body : new String[]{"", "hello", "v=0\nm=audio 4000 RTP/AVP 0\n", "v=0\nc=IN IP4 1.2.3.4\nm=audio x RTP/AVP 0\n",
                "v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP zero\n", "v=0\nc=IN IP4 1.2.3.4\nm=video 4000 RTP/AVP 0\n",
                "v=0\nc=garbage\nm=audio 4000 RTP/AVP 0\n"}) {
            assertThatThrownBy(() -> Sdp.parse(body)).as(body).isInstanceOf(Sdp.MalformedSdp.class);
        }
    }

    @Test
    void our_answer_names_the_chosen_codec_and_the_offered_event_type() throws Exception {
        String answer = Sdp.answer("192.0.2.7", 30000, 42, new MediaFormat(Codec.PCMA, 96));
        assertThat(answer).contains("m=audio 30000 RTP/AVP 8 96\r\n", "a=rtpmap:96 telephone-event/8000\r\n",
                "a=fmtp:96 0-16\r\n", "a=ptime:20\r\n", "a=sendrecv\r\n");
        assertThat(Sdp.parse(answer).negotiate()).isEqualTo(new MediaFormat(Codec.PCMA, 96));
    }

    @Test
    void our_offer_reads_back_as_pcmu_first_with_event_101() throws Exception {
        Sdp offer = Sdp.parse(Sdp.offer("192.0.2.7", 30000, 1));
        assertThat(offer.payloadTypes()).containsExactly(0, 8, 101);
        assertThat(offer.negotiate()).isEqualTo(new MediaFormat(Codec.PCMU, 101));
    }

    @Test
    void a_reoffer_keeps_the_codec_in_use_while_it_is_offered() throws Exception {
        MediaFormat inUse = new MediaFormat(Codec.PCMU, 101);
        assertThat(Sdp.parse("v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP 8 0\n").renegotiate(inUse))
                .isEqualTo(new MediaFormat(Codec.PCMU, -1));
        assertThat(Sdp.parse("v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP 8\n").renegotiate(inUse))
                .isEqualTo(new MediaFormat(Codec.PCMA, -1));
    }

    /** RFC 3264 6.1 and 8: a hold offer (sendonly) is answered recvonly, and a changed body has a higher o= version. */
    @Test
    void directions_are_read_answered_and_written_with_a_new_version() {
        assertThat(Sdp.direction("v=0\r\na=inactive\r\nm=audio 4000 RTP/AVP 0\r\n")).isEqualTo("inactive");
        assertThat(Sdp.direction("v=0\r\na=inactive\r\nm=audio 4000 RTP/AVP 0\r\na=sendonly\r\n"))
                .isEqualTo("sendonly");
        assertThat(Sdp.direction("v=0\r\nm=audio 4000 RTP/AVP 0\r\n")).isEqualTo("sendrecv");
        assertThat(Sdp.answerDirection("sendonly")).isEqualTo("recvonly");
        assertThat(Sdp.answerDirection("recvonly")).isEqualTo("sendonly");
        assertThat(Sdp.answerDirection("inactive")).isEqualTo("inactive");
        String ours = Sdp.answer("127.0.0.1", 30000, 42, new MediaFormat(Codec.PCMU, 101));
        String held = Sdp.answerAgain(ours, "127.0.0.1", 30000, new MediaFormat(Codec.PCMU, 101), "recvonly");
        assertThat(held).contains("o=callflow 42 43 IN IP4 127.0.0.1\r\n").contains("a=recvonly\r\n")
                .doesNotContain("a=sendrecv");
        assertThat(Sdp.answerAgain(held, "127.0.0.1", 30000, new MediaFormat(Codec.PCMU, 101), "recvonly"))
                .isEqualTo(held);
        assertThat(Sdp.answerAgain(held, "127.0.0.1", 30000, new MediaFormat(Codec.PCMU, 101), "sendrecv"))
                .contains("o=callflow 42 44 ").contains("a=sendrecv\r\n");
    }

    /** A new offer is answered with the one codec now in use, never with what we offered or answered before. */
    @Test
    void a_new_answer_names_the_codec_and_event_type_now_negotiated() {
        String offered = Sdp.offer("127.0.0.1", 30000, 7);
        String answer = Sdp.answerAgain(offered, "127.0.0.1", 30000, new MediaFormat(Codec.PCMA, 96), "sendrecv");
        assertThat(answer).contains("o=callflow 7 8 ").contains("m=audio 30000 RTP/AVP 8 96\r\n")
                .contains("a=rtpmap:96 telephone-event/8000").doesNotContain("PCMU").doesNotContain(" 101");
    }
}
