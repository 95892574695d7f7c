package io.callflow.media.mixer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** A room's state inside the mixing core; owned by the clock thread. */
final class Room {
    final String id;
    /** Created with a leg and named like it; removed with the leg, never deleted on its own. */
    final boolean ownedByLeg;
    final List<Leg> legs = new ArrayList<>();
    final ArrayDeque<Playback> playbacks = new ArrayDeque<>();
    final List<Recording> recordings = new ArrayList<>();
    /** This tick: the room's playback frame, then every unmuted leg added to it. */
    final int[] mix = new int[LegMedia.FRAME_SAMPLES];
    /** This tick: {@link #mix} saturated to 16 bits, for room recordings. */
    final short[] mixed = new short[LegMedia.FRAME_SAMPLES];

    Room(String id, boolean ownedByLeg) {
        this.id = id;
        this.ownedByLeg = ownedByLeg;
    }
}
