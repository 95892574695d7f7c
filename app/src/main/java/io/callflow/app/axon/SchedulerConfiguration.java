package io.callflow.app.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler holds Axon's deadlines (an activeflow's sleep) in PostgreSQL, so a
 * restart loses none. Axon's auto-configuration supplies the tasks and the
 * deadline manager once this bean exists, but never starts the scheduler: we do,
 * once the application is ready. Scheduling goes through the transaction-aware
 * proxy so a timer is stored in the same transaction as the events that set it.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .threads(4)
                .pollingInterval(Duration.ofMillis(200))
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }
}
