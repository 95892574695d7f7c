package io.callflow.query.simulate;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.PathIds;
import io.callflow.domain.flow.FlowId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What-if for a flow change: recorded activeflows run through new actions, nothing sent to calls or webhooks. */
@RestController
public class SimulateController {
    private final FlowSimulations simulations;

    public SimulateController(FlowSimulations simulations) {
        this.simulations = simulations;
    }

    /** Changes nothing: POST because it carries actions and runs the interpreter over many histories. */
    @PostMapping("/v1/flows/{id}/simulate")
    public SimulationResponse simulate(@PathVariable("id") String id,
                                       @RequestBody(required = false) byte[] body,
                                       @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        FlowId flowId = new FlowId(PathIds.parse(id, "flow"));
        return simulations.simulate(caller.customerId(), flowId, SimulationRequest.read(body));
    }
}
