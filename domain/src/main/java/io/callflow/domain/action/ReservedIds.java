package io.callflow.domain.action;

import java.util.UUID;

/** VoIPbin's reserved action and stack ids (reference section 2.2). */
public final class ReservedIds {
    /** "No action": as a next_id or target it means "not set". */
    public static final UUID EMPTY = UUID.fromString("00000000-0000-0000-0000-000000000000");
    /** The cursor of every activeflow before its first action. */
    public static final UUID START = UUID.fromString("00000000-0000-0000-0000-000000000001");
    /** The terminal pseudo-action: reaching it ends the activeflow. */
    public static final UUID FINISH = UUID.fromString("00000000-0000-0000-0000-000000000002");
    /** Internal "completed synchronously"; never stored in a flow. */
    public static final UUID NEXT = UUID.fromString("00000000-0000-0000-0000-000000000003");

    /** The stack that holds the flow's own actions. */
    public static final UUID MAIN_STACK = START;

    private ReservedIds() {
    }

    public static boolean isReserved(UUID id) {
        return EMPTY.equals(id) || START.equals(id) || FINISH.equals(id) || NEXT.equals(id);
    }
}
