package io.callflow.domain.trunk;

import io.callflow.domain.common.CustomerId;

/** What the SIP edge needs to reach a trunk; {@code password} is {@code ""} when the trunk has none. */
public record TrunkRoute(TrunkId id, CustomerId customer, String name, String host, int port,
                         TrunkTransport transport, String username, String password) {
    @Override
    public String toString() {
        // a route ends up in logs; its password must not
        return "TrunkRoute[id=" + id + ", customer=" + customer + ", host=" + host + ", port=" + port
                + ", transport=" + transport + ", username=" + username + "]";
    }
}
