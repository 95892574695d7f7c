package io.callflow.query.number;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.Page;
import io.callflow.domain.common.PathIds;
import io.callflow.domain.number.NumberId;
import io.callflow.domain.number.NumberResource;
import io.callflow.query.ListCursor;
import io.callflow.query.PageSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading numbers. Changes are in the command side. */
@RestController
@RequestMapping("/v1/numbers")
public class NumberQueryController {
    private final NumberQueries numbers;

    public NumberQueryController(NumberQueries numbers) {
        this.numbers = numbers;
    }

    @GetMapping
    public Page<NumberResource> list(@RequestParam(name = "page_size", required = false) String pageSize,
                                     @RequestParam(name = "page_token", required = false) String pageToken,
                                     @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return numbers.list(caller.customerId(), PageSize.parse(pageSize), ListCursor.parse(pageToken));
    }

    @GetMapping("/{id}")
    public NumberResource get(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return numbers.get(caller.customerId(), new NumberId(PathIds.parse(id, "number")));
    }
}
