package io.callflow.domain.number;

import java.util.UUID;

/** A number as the API shows it (VoIPbin's field names; {@code status} is {@code active} or {@code deleted}). */
public record NumberResource(
        UUID id,
        UUID customerId,
        String number,
        UUID callFlowId,
        String name,
        String detail,
        String status,
        String tmCreate,
        String tmUpdate,
        String tmDelete) {
}
