package io.callflow.engine.replay;

/** The inputs from outside that an activeflow's decisions were made on, as a replay finds them in its history. */
public enum InputKind {
    /** The activeflow was created; the interpreter ran it from the start. */
    START,
    /** A persisted timer fired ({@code TimerFired}). */
    TIMER_FIRED,
    /** A fetch, fetch_flow or webhook answered ({@code EffectResponded}). */
    EFFECT_RESPONDED,
    /** A media operation on the call ended ({@code MediaCompleted}). */
    MEDIA_COMPLETED,
    /** A key was pressed on the call ({@code DigitReceived}). */
    DIGIT,
    /** The call hung up ({@code ActiveflowStopped} with reason {@code call_hangup}). */
    CALL_HANGUP,
    /** A timer firing or a response for an action execution that was no longer current ({@code StaleInputIgnored}). */
    STALE_INPUT,
    /** Someone stopped the activeflow through the API ({@code ActiveflowStopped} with reason {@code stopped}). */
    STOP,
    /** Someone deleted the activeflow ({@code ActiveflowDeleted}, after a {@code deleted} stop if it was running). */
    DELETE
}
