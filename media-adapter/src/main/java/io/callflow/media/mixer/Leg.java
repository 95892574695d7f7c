package io.callflow.media.mixer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A leg's state inside the mixing core; owned by the clock thread. */
final class Leg {
    final String id;
    final LegMedia media;
    final Room ownRoom;
    Room room;
    boolean muted;
    boolean deaf;
    boolean echo;
    LegRole role = LegRole.NORMAL;
    /** This tick: what the leg said (silence when muted, since nobody may hear it). */
    final short[] said = new short[LegMedia.FRAME_SAMPLES];
    /** This tick: what the leg hears, as sent. */
    final short[] heard = new short[LegMedia.FRAME_SAMPLES];
    /** This tick: the leg's own playback frame. */
    final int[] playing = new int[LegMedia.FRAME_SAMPLES];
    final ArrayDeque<Playback> playbacks = new ArrayDeque<>();
    final List<Recording> recordings = new ArrayList<>();
    MachineDetector detector;
    Consumer<AmdResult> detectorListener;

    Leg(String id, LegMedia media, Room ownRoom) {
        this.id = id;
        this.media = media;
        this.ownRoom = ownRoom;
    }
}
