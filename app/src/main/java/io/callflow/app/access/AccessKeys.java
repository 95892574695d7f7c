package io.callflow.app.access;

import io.callflow.domain.common.Timestamps;
import static io.callflow.projection.jooq.Tables.ACCESSKEYS;
import static io.callflow.projection.jooq.Tables.CUSTOMERS;

import io.callflow.domain.common.AccesskeyId;
import io.callflow.domain.common.Caller;
import io.callflow.domain.common.CustomerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and their API keys. A key is shown once, when made; only its SHA-256
 * hash is stored, so a leaked database leaks no usable key.
 *
 * <p>A verified key is remembered for {@link #REVERIFY_AFTER} (at most {@link #REMEMBERED} keys), so that a
 * request costs one hash, not a database round trip; after that, or at its expiry, it is looked up again,
 * so a key deleted (or a customer deleted) in the database stops working within that time.
 */
@Service
public class AccessKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration REVERIFY_AFTER = Duration.ofSeconds(5);
    static final int REMEMBERED = 1024;

    private final DSLContext sql;
    private final Clock clock;
    private final Map<String, Verified> byHash = new ConcurrentHashMap<>();

    /** A key found valid, and until when that may be believed without asking the database. */
    private record Verified(Caller caller, long until) {
    }

    public AccessKeys(DSLContext sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A key made just now: its plain text, never stored, and its record. */
    public record IssuedKey(String key, AccesskeyResource resource) {
    }

    public Optional<Caller> authenticate(String key) {
        String hash = hash(key);
        long nowMillis = clock.millis();
        Verified cached = byHash.get(hash);
        if (cached != null && nowMillis < cached.until()) {
            return Optional.of(cached.caller());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Verified> verified = sql.select(ACCESSKEYS.ID, ACCESSKEYS.CUSTOMER_ID, ACCESSKEYS.ADMIN,
                        ACCESSKEYS.TM_EXPIRE)
                .from(ACCESSKEYS).join(CUSTOMERS).on(CUSTOMERS.ID.eq(ACCESSKEYS.CUSTOMER_ID))
                .where(ACCESSKEYS.KEY_HASH.eq(hash), ACCESSKEYS.TM_DELETE.isNull(), CUSTOMERS.TM_DELETE.isNull())
                .and(ACCESSKEYS.TM_EXPIRE.isNull().or(ACCESSKEYS.TM_EXPIRE.gt(now)))
                .fetchOptional(r -> new Verified(new Caller(new CustomerId(r.value2()), new AccesskeyId(r.value1()),
                        r.value3()), until(nowMillis, r.value4())));
        if (verified.isEmpty()) {
            byHash.remove(hash);
            return Optional.empty();
        }
        if (byHash.size() >= REMEMBERED) {
            byHash.clear();
        }
        byHash.put(hash, verified.get());
        return Optional.of(verified.get().caller());
    }

    private static long until(long nowMillis, OffsetDateTime expires) {
        long until = nowMillis + REVERIFY_AFTER.toMillis();
        return expires == null ? until : Math.min(until, expires.toInstant().toEpochMilli());
    }

    public boolean anyCustomer() {
        return sql.fetchExists(CUSTOMERS);
    }

    @Transactional
    public CustomerResource createCustomer(String name, String detail) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        sql.insertInto(CUSTOMERS).set(CUSTOMERS.ID, id).set(CUSTOMERS.NAME, name).set(CUSTOMERS.DETAIL, detail)
                .set(CUSTOMERS.TM_CREATE, now).set(CUSTOMERS.TM_UPDATE, now).execute();
        return new CustomerResource(id, name, detail, Timestamps.format(now), Timestamps.format(now), null);
    }

    public Optional<CustomerResource> customer(UUID id) {
        return sql.selectFrom(CUSTOMERS).where(CUSTOMERS.ID.eq(id)).fetchOptional(r -> new CustomerResource(
                r.getId(), r.getName(), r.getDetail(), Timestamps.format(r.getTmCreate()), Timestamps.format(r.getTmUpdate()),
                Timestamps.format(r.getTmDelete())));
    }

    @Transactional
    public IssuedKey issue(CustomerId customerId, String name, String detail, boolean admin) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "cf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        sql.insertInto(ACCESSKEYS).set(ACCESSKEYS.ID, id).set(ACCESSKEYS.CUSTOMER_ID, customerId.value())
                .set(ACCESSKEYS.NAME, name).set(ACCESSKEYS.DETAIL, detail).set(ACCESSKEYS.KEY_HASH, hash(key))
                .set(ACCESSKEYS.ADMIN, admin).set(ACCESSKEYS.TM_CREATE, now).set(ACCESSKEYS.TM_UPDATE, now).execute();
        return new IssuedKey(key, new AccesskeyResource(id, customerId.value(), name, detail, admin,
                Timestamps.format(now), Timestamps.format(now), null));
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
