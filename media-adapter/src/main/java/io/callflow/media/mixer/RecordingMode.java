package io.callflow.media.mixer;

/** How a recording is laid out: everything mixed in one channel, or one channel per side (left: what the leg said, right: what it heard). */
public enum RecordingMode { MONO, STEREO }
