package io.callflow.engine.effects;

import java.time.Duration;
import java.util.List;

/**
 * Bounds on every HTTP request a flow makes (D6, D15).
 *
 * @param timeout      the whole exchange, connect included
 * @param maxBodyBytes a larger response is refused, not truncated
 * @param denied       address ranges (CIDR) a flow may not reach; empty by default so a local install can call
 *                     services on the same host, set for multi-tenant deployments
 * @param signingSecret HMAC-SHA256 key for the signature header every request carries
 */
public record HttpLimits(Duration timeout, int maxBodyBytes, List<String> denied, String signingSecret) {
}
