package io.callflow.media.rtp;

/** What offer/answer settled on: the audio codec and the RFC 4733 telephone-event payload type (-1: none). */
public record MediaFormat(Codec codec, int eventPayloadType) {
    public boolean hasTelephoneEvents() {
        return eventPayloadType >= 0;
    }
}
