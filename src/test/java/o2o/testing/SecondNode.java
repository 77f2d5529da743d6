package o2o.testing;

import java.sql.SQLException;

import javax.sql.DataSource;

import o2o.O2oApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * A second node of the application: the whole application again, in this JVM, on a free port, over the database of
 * the tests' own application, as a second server of a deployment runs over the first one's database. Its scheduled
 * jobs and listeners run beside the first node's.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a node over the database the given data source reaches (the first node's). */
    public static SecondNode over(DataSource database) {
        String url;
        String user;
        try (var connection = database.getConnection()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // as arguments, which come before application.properties (default properties would come after it)
        var context = new SpringApplicationBuilder(O2oApplication.class, TestClockConfiguration.class)
                .profiles("test")
                .initializers(c -> c.getBeanFactory().registerSingleton("testComponents", new TestComponents()))
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--server.port=0",
                        "--spring.main.banner-mode=off");
        return new SecondNode(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A new instance of the class made by this node's bean factory: injected, and wrapped by its proxies. */
    public <T> T create(Class<T> type) {
        return context.getAutowireCapableBeanFactory().createBean(type);
    }

    public MutableClock clock() {
        return context.getBean(MutableClock.class);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Leaves the tests' configurations ({@code @TestConfiguration}) out of the node's component scan, as the test
     * context does: they belong to the first node (one fake Alipay, told the first node's port).
     */
    private static final class TestComponents extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            var annotations = reader.getAnnotationMetadata();
            return annotations.hasAnnotation(TestComponent.class.getName())
                    || annotations.hasMetaAnnotation(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestComponents;
        }

        @Override
        public int hashCode() {
            return TestComponents.class.hashCode();
        }
    }
}
