package io.callflow.query.audit;

import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Caller;
import io.callflow.query.AggregateIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/audit/verify?aggregate_id=…}: does one aggregate's stored history still hash to its
 * chain? Without {@code aggregate_id}: every aggregate of the caller's customer.
 */
@RestController
public class AuditController {
    private final HashChains chains;

    public AuditController(HashChains chains) {
        this.chains = chains;
    }

    @GetMapping(path = "/v1/audit/verify", params = "aggregate_id")
    public ChainVerification aggregate(@RequestParam("aggregate_id") String aggregateId,
                                       @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        String id = AggregateIds.parse(aggregateId);
        if (id == null) {
            throw new BadRequest("/aggregate_id", "must be a UUID, or left out to verify every aggregate");
        }
        return chains.verify(caller.customerId(), id);
    }

    @GetMapping(path = "/v1/audit/verify", params = "!aggregate_id")
    public CustomerVerification customer(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return chains.verify(caller.customerId());
    }
}
