package o2o.shared;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A few connections to the application's database of their own, for counters that are checked inside a transaction
 * holding one of the application's connections: waiting there for a second one would let a busy node starve its own
 * pool. The caller closes it.
 */
public final class SidePool {

    private SidePool() {}

    /** A pool of {@code size} connections named {@code name}, to the database {@code dataSource} (Hikari) reaches. */
    public static HikariDataSource beside(DataSource dataSource, String name, int size) {
        HikariDataSource main;
        try {
            main = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the " + name + " pool is made beside the application's Hikari pool", e);
        }
        var config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(main.getJdbcUrl());
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        config.setDataSourceProperties(main.getDataSourceProperties());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(main.getConnectionTimeout());
        return new HikariDataSource(config);
    }
}
