package o2o.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the integration tests: the running application, an HTTP client for it, fixtures, and the test clock. */
@IntegrationTest
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected Api api;
    protected Fixtures fixtures;

    @BeforeEach
    void connect() {
        api = new Api(port);
        fixtures = new Fixtures(api);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
