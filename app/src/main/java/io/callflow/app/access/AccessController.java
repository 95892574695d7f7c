package io.callflow.app.access;

import io.callflow.domain.action.JsonPointers;
import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.command.web.RequestJson;
import io.callflow.domain.action.Problem;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Caller;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admin keys make customers and keys; other keys see neither endpoint (404, as for anything not theirs). */
@RestController
public class AccessController {
    private final AccessKeys keys;

    public AccessController(AccessKeys keys) {
        this.keys = keys;
    }

    /** A new key's record plus {@code token}: the key itself, shown this once. */
    public record IssuedAccesskey(UUID id, UUID customerId, String name, String detail, boolean admin, String token,
                                  String tmCreate, String tmUpdate, String tmDelete) {
    }

    @PostMapping(path = "/v1/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CustomerResource createCustomer(@RequestBody(required = false) byte[] body,
                                           @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        requireAdmin(caller);
        JsonNode json = RequestJson.object(body);
        List<Problem> problems = new ArrayList<>();
        onlyFields(json, Set.of("name", "detail"), problems);
        String name = text(json, "name", problems, true);
        String detail = text(json, "detail", problems, false);
        if (!problems.isEmpty()) {
            throw new BadRequest(problems);
        }
        return keys.createCustomer(name, detail);
    }

    @PostMapping(path = "/v1/accesskeys", consumes = MediaType.APPLICATION_JSON_VALUE)
    public IssuedAccesskey createAccesskey(@RequestBody(required = false) byte[] body,
                                           @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        requireAdmin(caller);
        JsonNode json = RequestJson.object(body);
        List<Problem> problems = new ArrayList<>();
        onlyFields(json, Set.of("customer_id", "name", "detail", "admin"), problems);
        String name = text(json, "name", problems, false);
        String detail = text(json, "detail", problems, false);
        UUID customerId = caller.customerId().value();
        JsonNode customer = json.get("customer_id");
        if (customer != null && !customer.isNull()) {
            try {
                customerId = UUID.fromString(customer.asText());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("/customer_id", "must be a UUID"));
            }
        }
        JsonNode admin = json.get("admin");
        if (admin != null && !admin.isNull() && !admin.isBoolean()) {
            problems.add(new Problem("/admin", "must be a boolean"));
        }
        if (!problems.isEmpty()) {
            throw new BadRequest(problems);
        }
        UUID owner = customerId;
        keys.customer(owner).filter(c -> c.tmDelete() == null).orElseThrow(() -> new NotFound("customer " + owner));
        AccessKeys.IssuedKey issued = keys.issue(new CustomerId(owner), name, detail,
                admin != null && admin.asBoolean(false));
        AccesskeyResource r = issued.resource();
        return new IssuedAccesskey(r.id(), r.customerId(), r.name(), r.detail(), r.admin(), issued.key(),
                r.tmCreate(), r.tmUpdate(), r.tmDelete());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new NotFound("resource");
        }
    }

    private static void onlyFields(JsonNode json, Set<String> allowed, List<Problem> problems) {
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                problems.add(new Problem(JsonPointers.child("", name), "unknown field"));
            }
        }
    }

    private static String text(JsonNode json, String name, List<Problem> problems, boolean required) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new Problem("/" + name, "is required"));
            }
            return "";
        }
        if (!value.isTextual() || value.textValue().length() > 255) {
            problems.add(new Problem("/" + name, "must be a string of at most 255 characters"));
            return "";
        }
        return value.textValue();
    }
}
