package io.callflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Verified keys are remembered for a few seconds only: a key deleted or expired in the database stops working. */
class AccessKeyRevocationTest extends PlatformTest {
    @Autowired
    DataSource dataSource;

    @Test
    void a_key_deleted_in_the_database_is_refused_once_its_verification_is_due_again() {
        Api other = otherCustomer();
        assertThat(other.get("/v1/activeflows").status()).isEqualTo(200);
        new JdbcTemplate(dataSource).update("UPDATE accesskeys SET tm_delete = now() WHERE key_hash = "
                + "encode(sha256(convert_to(?, 'UTF8')), 'hex')", other.key());

        await().atMost(Duration.ofSeconds(30)).until(() -> other.get("/v1/activeflows").status() == 401);
        assertThat(api.get("/v1/activeflows").status()).isEqualTo(200);
    }

    @Test
    void a_key_is_refused_once_it_expires_even_when_verified_before() {
        Api other = otherCustomer();
        new JdbcTemplate(dataSource).update("UPDATE accesskeys SET tm_expire = now() + interval '2 seconds' "
                + "WHERE key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", other.key());
        assertThat(other.get("/v1/activeflows").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> other.get("/v1/activeflows").status() == 401);
    }
}
