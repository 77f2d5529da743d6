package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import o2o.testing.Concurrently;
import o2o.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes' rate limits in one PostgreSQL ({@code o2o.rate-limits.store=postgresql}): a small limit is counted in
 * the database at every request, so both nodes together get exactly its capacity; a large one is told in batches of
 * a twentieth of its capacity, so both together get at least its capacity and at most a twentieth more per node.
 */
@IntegrationTest
class SharedLimitsIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final List<Buckets> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(Buckets::destroy);
    }

    @Test
    void aSmallLimitGivesBothNodesTogetherExactlyItsCapacity() throws Exception {
        var limit = new RateLimits.Limit("test-small", 10, Duration.ofHours(1));
        assertThat(granted(limit, 16, 4)).isEqualTo(10);
    }

    @Test
    void aLargeLimitGivesBothNodesTogetherItsCapacityAndAtMostATwentiethMorePerNode() throws Exception {
        var limit = new RateLimits.Limit("test-large", 200, Duration.ofHours(1));
        assertThat(granted(limit, 16, 40)).isBetween(200, 200 + 2 * 10);
    }

    @Test
    void theSlackIsATwentiethOfTheSmallestCapacity() {
        assertThat(Buckets.slack(configuration(19))).isZero();
        assertThat(Buckets.slack(configuration(120))).isEqualTo(6);
        assertThat(Buckets.slack(BucketConfiguration.builder()
                .addLimit(b -> b.capacity(1_000).refillGreedy(1_000, Duration.ofHours(1)))
                .addLimit(b -> b.capacity(40).refillGreedy(40, Duration.ofMinutes(1)))
                .build())).isEqualTo(2);
    }

    @Test
    void aLargeLimitStillRefusesPastItsCapacityOnOneNode() {
        var node = node();
        var limits = new RateLimits(node);
        var limit = new RateLimits.Limit("test-alone", 40, Duration.ofHours(1));
        var key = UUID.randomUUID().toString();
        for (int i = 0; i < 40; i++) limits.check(limit, key);
        assertThatThrownBy(() -> limits.check(limit, key)).isInstanceOf(Problem.class);
    }

    @Test
    void requestsArrivingTogetherWhileTheRowIsMissingMakeItOnceAndAreAllCounted() throws Exception {
        var limits = new RateLimits(node());
        var limit = new RateLimits.Limit("test-missing", 1_000, Duration.ofHours(1));
        var keys = new ArrayList<String>();
        for (int round = 0; round < 10; round++) {
            var key = UUID.randomUUID().toString();
            keys.add(key);
            assertThat(checks(limits, limit, key, 48, 3)).as("first requests, no row yet").isEqualTo(144);
        }
        jdbc.sql("delete from rate_limit_bucket where id like 'test-missing:%'").update();
        Thread.sleep(1_100); // past the second after which a node tells the database again
        for (var key : keys) {
            assertThat(checks(limits, limit, key, 48, 3)).as("after the clean-up dropped the row").isEqualTo(144);
        }
        assertThat(jdbc.sql("select count(*) from rate_limit_bucket where id like 'test-missing:%'")
                .query(Long.class).single()).isEqualTo(10);
    }

    private static int checks(RateLimits limits, RateLimits.Limit limit, String key, int threads, int each)
            throws Exception {
        var tasks = new ArrayList<Callable<Integer>>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (int i = 0; i < each; i++) limits.check(limit, key);
                return each;
            });
        }
        return Concurrently.atOnce(tasks).stream().mapToInt(Integer::intValue).sum();
    }

    /** Requests from {@code threads} threads, half on each node, {@code each} per thread; how many were let through. */
    private int granted(RateLimits.Limit limit, int threads, int each) throws Exception {
        var both = List.of(new RateLimits(node()), new RateLimits(node()));
        var key = UUID.randomUUID().toString();
        var tasks = new ArrayList<Callable<Integer>>();
        for (int t = 0; t < threads; t++) {
            var limits = both.get(t % 2);
            tasks.add(() -> {
                int got = 0;
                for (int i = 0; i < each; i++) {
                    try {
                        limits.check(limit, key);
                        got++;
                    } catch (Problem refused) {
                        // past the limit
                    }
                }
                return got;
            });
        }
        return Concurrently.atOnce(tasks).stream().mapToInt(Integer::intValue).sum();
    }

    private Buckets node() {
        var node = new Buckets(new RateLimitProperties(RateLimitProperties.Store.POSTGRESQL, 2), dataSource);
        nodes.add(node);
        return node;
    }

    private static BucketConfiguration configuration(long capacity) {
        return BucketConfiguration.builder()
                .addLimit(b -> b.capacity(capacity).refillGreedy(capacity, Duration.ofHours(1)))
                .build();
    }
}
