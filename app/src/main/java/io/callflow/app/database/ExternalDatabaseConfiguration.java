package io.callflow.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database named by {@code SPRING_DATASOURCE_URL}. Declared here rather than left
 * to Boot: Axon's JDBC auto-configuration looks for a DataSource bean before Boot's own
 * would exist and, finding none, sets up no event store at all (a test guards this).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
public class ExternalDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(@Value("${spring.datasource.url}") String url,
                          @Value("${spring.datasource.username:}") String username,
                          @Value("${spring.datasource.password:}") String password,
                          @Value("${callflow.datasource.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (!username.isEmpty()) {
            config.setUsername(username);
        }
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("callflow");
        return new HikariDataSource(config);
    }
}
