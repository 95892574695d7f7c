package io.callflow.media.tts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsmlTest {
    @Test
    void tags_are_dropped_and_entities_decoded() {
        String ssml = "<speak version=\"1.0\">Sales &amp; support.<break time=\"500ms\"/>Press\n  <say-as interpret-as=\"digits\">1</say-as></speak>";

        assertThat(Ssml.toPlainText(ssml)).isEqualTo("Sales & support. Press 1");
    }

    @Test
    void plain_text_is_left_alone() {
        assertThat(Ssml.toPlainText("Press one for sales.")).isEqualTo("Press one for sales.");
    }
}
