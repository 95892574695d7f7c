package io.callflow.query.trunk;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.Page;
import io.callflow.domain.common.PathIds;
import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkResource;
import io.callflow.query.ListCursor;
import io.callflow.query.PageSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading trunks. Changes are in the command side. */
@RestController
@RequestMapping("/v1/trunks")
public class TrunkQueryController {
    private final TrunkQueries trunks;

    public TrunkQueryController(TrunkQueries trunks) {
        this.trunks = trunks;
    }

    @GetMapping
    public Page<TrunkResource> list(@RequestParam(name = "page_size", required = false) String pageSize,
                                     @RequestParam(name = "page_token", required = false) String pageToken,
                                     @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return trunks.list(caller.customerId(), PageSize.parse(pageSize), ListCursor.parse(pageToken));
    }

    @GetMapping("/{id}")
    public TrunkResource get(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return trunks.get(caller.customerId(), new TrunkId(PathIds.parse(id, "trunk")));
    }
}
