package io.callflow.query.dashboard;

import io.callflow.domain.common.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/dashboard/counts}: the caller's activeflows counted by status and per flow. */
@RestController
public class DashboardController {
    private final DashboardQueries queries;

    public DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/dashboard/counts")
    public DashboardCounts counts(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return queries.counts(caller.customerId());
    }
}
