package io.callflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Guards the wiring that fails silently when wrong (stack-spike traps 3, 5, 10). */
class WiringTest extends PlatformTest {
    @Autowired
    Configuration axon;
    @Autowired
    DataSource dataSource;

    @Test
    void axon_runs_in_spring_transactions_on_the_jdbc_event_store_with_persisted_deadlines() {
        assertThat(axon.getComponent(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
        assertThat(axon.getComponent(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(axon.getComponent(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(axon.getComponent(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void the_embedded_database_keeps_fsync_and_synchronous_commit_on() {
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        assertThat(sql.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(sql.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(sql.queryForObject("SHOW data_directory", String.class))
                .startsWith(DATA_DIR.resolve("postgres").toAbsolutePath().toString());
    }
}
