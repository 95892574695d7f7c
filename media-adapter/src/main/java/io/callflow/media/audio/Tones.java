package io.callflow.media.audio;

import java.util.Locale;
import java.util.Map;

/**
 * Telephone tones as 8 kHz 16-bit samples: the beep, DTMF keys, and national ringback and
 * busy cadences after the ITU-T E.180 supplement's tone plans. Each frequency plays at
 * about −14 dBFS, so two together never clip; on/off edges are ramped over 2 ms to avoid clicks.
 */
public final class Tones {
    public static final int SAMPLE_RATE = 8_000;
    private static final double AMPLITUDE = 0.2 * Short.MAX_VALUE;
    private static final int RAMP_SAMPLES = 16;
    private static final int SILENCE_MS = 1_000;

    /** DTMF keys in keypad order; row frequency by index / 4, column by index % 4. */
    private static final String KEYPAD = "123A456B789C*0#D";
    private static final double[] DTMF_ROWS = {697, 770, 852, 941};
    private static final double[] DTMF_COLUMNS = {1209, 1336, 1477, 1633};

    /** A tone plan: frequencies summed (optionally amplitude-modulated) and gated by an on/off cadence in ms. */
    private record Plan(double[] frequencies, double modulationHz, int... cadenceMs) {
        int cycleMs() {
            int sum = 0;
            for (int ms : cadenceMs) {
                sum += ms;
            }
            return sum;
        }
    }

    private static final Map<String, Plan> RINGBACK = Map.of(
            "us", new Plan(new double[]{440, 480}, 0, 2000, 4000),
            "uk", new Plan(new double[]{400, 450}, 0, 400, 200, 400, 2000),
            "de", new Plan(new double[]{425}, 0, 1000, 4000),
            "fr", new Plan(new double[]{440}, 0, 1500, 3500),
            "jp", new Plan(new double[]{400}, 16, 1000, 2000),
            "it", new Plan(new double[]{425}, 0, 1000, 4000),
            "au", new Plan(new double[]{400, 425}, 0, 400, 200, 400, 2000));
    private static final Map<String, Plan> BUSY = Map.of(
            "us", new Plan(new double[]{480, 620}, 0, 500, 500),
            "uk", new Plan(new double[]{400}, 0, 375, 375),
            "de", new Plan(new double[]{425}, 0, 480, 480),
            "fr", new Plan(new double[]{440}, 0, 500, 500),
            "jp", new Plan(new double[]{400}, 0, 500, 500),
            "it", new Plan(new double[]{425}, 0, 500, 500),
            "au", new Plan(new double[]{425}, 0, 375, 375));

    private Tones() {
    }

    /** The 1000 Hz beep, 250 ms when {@code durationMs} is 0. */
    public static short[] beep(int durationMs) {
        return render(new Plan(new double[]{1000}, 0, orDefault(durationMs, 250)), orDefault(durationMs, 250));
    }

    /** The DTMF tone of a key (0-9, *, #, A-D), 100 ms when {@code durationMs} is 0. */
    public static short[] dtmf(char key, int durationMs) {
        int index = KEYPAD.indexOf(Character.toUpperCase(key));
        if (index < 0) {
            throw new IllegalArgumentException("not a DTMF key: " + key);
        }
        int ms = orDefault(durationMs, 100);
        return render(new Plan(new double[]{DTMF_ROWS[index / 4], DTMF_COLUMNS[index % 4]}, 0, ms), ms);
    }

    /** A country's ringback cadence; one full cycle when {@code durationMs} is 0. */
    public static short[] ringback(String country, int durationMs) {
        Plan plan = plan(RINGBACK, country, "ringback");
        return render(plan, orDefault(durationMs, plan.cycleMs()));
    }

    /** A country's busy cadence; one full cycle when {@code durationMs} is 0. */
    public static short[] busy(String country, int durationMs) {
        Plan plan = plan(BUSY, country, "busy");
        return render(plan, orDefault(durationMs, plan.cycleMs()));
    }

    /** Digital silence, 1 s when {@code durationMs} is 0. */
    public static short[] silence(int durationMs) {
        return new short[samples(orDefault(durationMs, SILENCE_MS))];
    }

    /**
     * A tone by name: {@code beep}, {@code dtmf:<key>}, {@code ringback:<country>},
     * {@code busy:<country>} or {@code silence}; countries us, uk (or gb), de, fr, jp, it, au.
     *
     * @throws IllegalArgumentException for a name or country not known
     */
    public static short[] named(String name, int durationMs) {
        String[] parts = name.trim().toLowerCase(Locale.ROOT).split(":", 2);
        String argument = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case "beep":
                return beep(durationMs);
            case "silence":
                return silence(durationMs);
            case "dtmf":
                if (argument.length() != 1) {
                    throw new IllegalArgumentException("dtmf needs one key, e.g. dtmf:5: " + name);
                }
                return dtmf(argument.charAt(0), durationMs);
            case "ringback":
                return ringback(argument.isEmpty() ? "us" : argument, durationMs);
            case "busy":
                return busy(argument.isEmpty() ? "us" : argument, durationMs);
            default:
                throw new IllegalArgumentException("unknown tone: " + name);
        }
    }

    private static Plan plan(Map<String, Plan> plans, String country, String kind) {
        String key = country.toLowerCase(Locale.ROOT);
        Plan plan = plans.get(key.equals("gb") ? "uk" : key);
        if (plan == null) {
            throw new IllegalArgumentException("no " + kind + " tone for country " + country);
        }
        return plan;
    }

    private static short[] render(Plan plan, int durationMs) {
        short[] out = new short[samples(durationMs)];
        int cycle = samples(plan.cycleMs());
        for (int i = 0; i < out.length; i++) {
            double gain = gate(plan.cadenceMs(), i % cycle);
            if (gain == 0) {
                continue;
            }
            double t = (double) i / SAMPLE_RATE;
            double sum = 0;
            for (double f : plan.frequencies()) {
                sum += Math.sin(2 * Math.PI * f * t);
            }
            if (plan.modulationHz() > 0) {
                sum *= 0.5 * (1 + Math.sin(2 * Math.PI * plan.modulationHz() * t));
            }
            out[i] = (short) Math.round(AMPLITUDE * gain * sum);
        }
        return out;
    }

    /** 0 in an off period, 1 in an on period, ramped near its edges. */
    private static double gate(int[] cadenceMs, int sampleInCycle) {
        int start = 0;
        for (int period = 0; period < cadenceMs.length; period++) {
            int length = samples(cadenceMs[period]);
            if (sampleInCycle < start + length) {
                if (period % 2 == 1) {
                    return 0;
                }
                int fromEdge = Math.min(sampleInCycle - start, start + length - 1 - sampleInCycle);
                return fromEdge >= RAMP_SAMPLES ? 1 : 0.5 * (1 - Math.cos(Math.PI * fromEdge / RAMP_SAMPLES));
            }
            start += length;
        }
        return 0;
    }

    private static int samples(int ms) {
        return ms * SAMPLE_RATE / 1000;
    }

    private static int orDefault(int durationMs, int natural) {
        if (durationMs < 0) {
            throw new IllegalArgumentException("negative duration: " + durationMs);
        }
        return durationMs == 0 ? natural : durationMs;
    }
}
