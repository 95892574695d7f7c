package io.callflow.domain.action;

/** What an action needs from the activeflow's reference (reference section 3.8). */
public enum MediaRequirement {
    /** Runs for any reference. */
    NONE,
    /** Needs a live call. */
    RTC,
    /** Runs only outside calls (skipped inside call flows). */
    NON_RTC
}
