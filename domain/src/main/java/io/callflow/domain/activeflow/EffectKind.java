package io.callflow.domain.activeflow;

/** Effects a flow asks the world for. */
public enum EffectKind {
    /** HTTP request whose response is a list of actions to push (the {@code fetch} action). */
    FETCH,
    /** Another flow's actions to push (the {@code fetch_flow} action). */
    FETCH_FLOW,
    /** An HTTP request to a customer's endpoint (the {@code webhook_send} action). */
    WEBHOOK
}
