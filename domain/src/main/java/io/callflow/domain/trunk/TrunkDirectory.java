package io.callflow.domain.trunk;

import io.callflow.domain.common.CustomerId;
import java.util.List;
import java.util.Optional;

/** For the SIP edge: a customer's active (not deleted) trunks, with the credentials to use them. */
public interface TrunkDirectory {
    Optional<TrunkRoute> find(CustomerId customer, TrunkId id);

    /** Oldest first. */
    List<TrunkRoute> forCustomer(CustomerId customer);
}
