package io.callflow.domain.flow;

/** What a flow is for (VoIPbin's flow {@code type}); serialized lower case. */
public enum FlowType {
    FLOW, CONFERENCE, QUEUE, CAMPAIGN, TRANSFER
}
