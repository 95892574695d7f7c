package io.callflow.domain.activeflow;

import java.util.Locale;

/**
 * An activeflow's {@code stop_reason} and {@code stop_detail} as the API shows them, from its stop event.
 * D21: when the on-complete chain limit kept the next activeflow from starting, the last activeflow's stop
 * reason says so ({@value #CHAIN_LIMIT_REACHED}), and its detail says how the flow itself ended.
 */
public record StopShown(String reason, String detail) {
    public static final String CHAIN_LIMIT_REACHED = "chain_limit_reached";

    public static StopShown of(ActiveflowStopped stopped) {
        String reason = stopped.reason() == null ? null : stopped.reason().name().toLowerCase(Locale.ROOT);
        String refused = stopped.onCompleteRefused();
        if (refused == null || !refused.startsWith(CHAIN_LIMIT_REACHED)) {
            return new StopShown(reason, stopped.detail());
        }
        String why = refused.substring(CHAIN_LIMIT_REACHED.length()).replaceFirst("^[:\\s]+", "");
        String ended = reason + (stopped.detail() == null ? "" : ": " + stopped.detail());
        return new StopShown(CHAIN_LIMIT_REACHED, ended + "; its on-complete flow did not start: "
                + (why.isEmpty() ? "the chain limit was reached" : why));
    }
}
