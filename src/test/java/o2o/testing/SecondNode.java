package o2o.testing;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import o2o.O2oApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second node of the application: its own context and port on the database of the tests' shared one, as a
 * second server behind a load balancer would be. Started by a test class that needs it, closed by that class.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a node on the database behind {@code dataSource} (the first node's). */
    public static SecondNode on(DataSource dataSource) {
        HikariDataSource first;
        try {
            first = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // as arguments, which come before application.properties (default properties would come after it)
        var context = new SpringApplicationBuilder(O2oApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + first.getJdbcUrl(),
                        "--spring.datasource.username=" + first.getUsername(),
                        "--spring.datasource.password=" + (first.getPassword() == null ? "" : first.getPassword()));
        return new SecondNode(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
