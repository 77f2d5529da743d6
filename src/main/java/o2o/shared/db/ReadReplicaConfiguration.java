package o2o.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With a streaming replica configured ({@code o2o.db.replica.url}) beside a standalone primary, two pools: the
 * primary's for writes and everything else, the replica's for read-only transactions ({@code @Transactional(readOnly
 * = true)}) of reading requests ({@link ReplicaReadsFilter}). The application sees one data source, a proxy that
 * takes a connection only at the first statement, from the replica when the transaction is read-only and the
 * request may read there, else from the primary. Flyway migrates the primary. Without a replica none of this exists
 * and the one pool is the data source.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReplicaConfigured.class)
@EnableConfigurationProperties(ReplicaProperties.class)
class ReadReplicaConfiguration {

    /** The pool the embedded or a lone standalone server would have: {@code spring.datasource.*}. */
    @Bean
    @FlywayDataSource
    HikariDataSource primaryDataSource(DataSourceProperties properties, Environment environment) {
        var pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName("primary");
        return pool;
    }

    @Bean
    HikariDataSource replicaDataSource(ReplicaProperties replica, HikariDataSource primaryDataSource) {
        var pool = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(replica.url())
                .username(replica.username())
                .password(replica.password())
                .build();
        pool.setPoolName("replica");
        pool.setReadOnly(true);
        pool.setMaximumPoolSize(replica.poolSize());
        pool.setConnectionTimeout(primaryDataSource.getConnectionTimeout());
        return pool;
    }

    @Bean
    @Primary
    LazyConnectionDataSourceProxy dataSource(HikariDataSource primaryDataSource, HikariDataSource replicaDataSource) {
        var routing = new LazyConnectionDataSourceProxy(ReplicaReads.primary(primaryDataSource));
        routing.setReadOnlyDataSource(new ReplicaReads(replicaDataSource, primaryDataSource));
        return routing;
    }

    @Bean
    ReplicaReadsFilter replicaReadsFilter(ReplicaProperties replica) {
        return new ReplicaReadsFilter(replica.ownWritesWindow());
    }
}
