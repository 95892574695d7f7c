package io.callflow.domain.activeflow;

import io.callflow.domain.action.MediaRequirement;

/** What an activeflow runs for, and so which actions it can run (reference section 3.8). */
public enum ReferenceType {
    CALL(MediaRequirement.RTC),
    API(MediaRequirement.NON_RTC),
    CAMPAIGN(MediaRequirement.NON_RTC),
    CONVERSATION(MediaRequirement.NON_RTC),
    AI(MediaRequirement.NON_RTC),
    RECORDING(MediaRequirement.NON_RTC),
    TRANSCRIBE(MediaRequirement.NON_RTC),
    WEBCHAT(MediaRequirement.NON_RTC);

    private final MediaRequirement media;

    ReferenceType(MediaRequirement media) {
        this.media = media;
    }

    /** Whether an action with this requirement runs for this reference; others are skipped. */
    public boolean runs(MediaRequirement requirement) {
        return requirement == MediaRequirement.NONE || requirement == media;
    }
}
