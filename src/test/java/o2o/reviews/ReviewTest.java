package o2o.reviews;

import o2o.testing.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A review test over HTTP: the database to check what was stored, and shops, customers and purchases to review. */
abstract class ReviewTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    ReviewFixtures world;

    @BeforeEach
    void world() {
        world = new ReviewFixtures(api, fixtures, port);
    }
}
