package o2o.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) by key, where {@code o2o.rate-limits.store} keeps them: by default in PostgreSQL
 * ({@code rate_limit_bucket}, one row per key, changed under {@code select … for update}), so a limit counts the
 * requests of every node; or in this node's memory. Rows are dropped once their bucket would be full again, by a job
 * that is safe on every node at once.
 */
@Component
public class Buckets implements DisposableBean {

    /** Buckets whose time is read from one clock. */
    @FunctionalInterface
    public interface Source {

        /** The bucket of {@code key}, made with {@code configuration} when it does not exist yet. */
        Bucket get(String key, BucketConfiguration configuration);

        /** Takes one token from the bucket of {@code key}, if it has one. */
        default ConsumptionProbe takeOne(String key, BucketConfiguration configuration) {
            return get(key, configuration).tryConsumeAndReturnRemaining(1);
        }
    }

    static final String TABLE = "rate_limit_bucket";
    private static final int CLEANUP_BATCH = 1_000;
    private static final Duration SYNC_AT_LEAST_EVERY = Duration.ofSeconds(1);

    private final @Nullable HikariDataSource pool;
    private final @Nullable PostgreSQLSelectForUpdateBasedProxyManager<String> systemProxies;
    private final Source system;

    Buckets(RateLimitProperties properties, DataSource dataSource) {
        if (properties.store() == RateLimitProperties.Store.POSTGRESQL) {
            this.pool = SidePool.beside(dataSource, "rate-limits", properties.poolSize());
            this.systemProxies = proxies(pool, null);
            this.system = new SharedWithSlack(systemProxies);
        } else {
            this.pool = null;
            this.systemProxies = null;
            this.system = inMemory(TimeMeter.SYSTEM_MILLISECONDS);
        }
    }

    /** Buckets on the system clock: request limits. */
    public Source onSystemClock() {
        return system;
    }

    /** Buckets on {@code clock}, for limits that must follow the clock the application injects (tests set it). */
    public Source on(Clock clock) {
        var meter = new ClockMeter(clock);
        return pool == null ? inMemory(meter) : shared(proxies(pool, meter));
    }

    /** Drops the rows of buckets that would be full again by now (nothing in memory: the cache forgets those). */
    @Scheduled(fixedDelayString = "${o2o.rate-limits.cleanup-interval:10m}")
    @SchedulerLock(name = "shared.rate-limit-cleanup", lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    public void removeExpired() {
        if (systemProxies == null) return;
        int removed;
        do {
            removed = systemProxies.removeExpired(CLEANUP_BATCH);
        } while (removed >= CLEANUP_BATCH);
    }

    @Override
    public void destroy() {
        if (pool != null) pool.close();
    }

    private static Source shared(ProxyManager<String> proxies) {
        return (key, configuration) -> proxies.builder().build(stored(key), () -> configuration);
    }

    /** As {@link #shared}, but a bucket of a large limit is told of this node's tokens in batches ({@link #slack}). */
    private static final class SharedWithSlack implements Source {

        private final ProxyManager<String> proxies;
        private final Source plain;
        private final Cache<String, Bucket> nearby = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .maximumSize(100_000)
                .build();

        SharedWithSlack(ProxyManager<String> proxies) {
            this.proxies = proxies;
            this.plain = shared(proxies);
        }

        @Override
        public Bucket get(String key, BucketConfiguration configuration) {
            long slack = slack(configuration);
            if (slack == 0) return plain.get(key, configuration);
            return nearby.get(stored(key), k -> proxies.builder()
                    .withOptimization(Optimizations.delaying(new DelayParameters(slack, SYNC_AT_LEAST_EVERY)))
                    .build(k, () -> configuration));
        }

        /**
         * Requests that reach a node's bucket at once are sent to the database as one batch, and a batch fails whole
         * when the bucket's row is missing (its first requests, or after the clean-up dropped a full bucket) instead
         * of making it as a single request does: then the row is made once, unbatched, and the token taken again.
         */
        @Override
        public ConsumptionProbe takeOne(String key, BucketConfiguration configuration) {
            var bucket = get(key, configuration);
            try {
                return bucket.tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException e) {
                if (!missingRow(e)) throw e;
                plain.get(key, configuration).getAvailableTokens();
                return bucket.tryConsumeAndReturnRemaining(1);
            }
        }

        private static boolean missingRow(Throwable e) {
            for (var cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BucketNotFoundException) return true;
            }
            return false;
        }
    }

    /** PostgreSQL's text holds no NUL, which a key taken from input (a username) may carry. */
    private static String stored(String key) {
        return key.replace('\0', '\uFFFD');
    }

    /**
     * Tokens this node may take from a bucket before it tells the database: a twentieth of its smallest capacity, so
     * a limit of fewer than 20 (a code's tries, a sign-in's) is counted in the database at every request, and a
     * limit of 120 a minute goes there every sixth request or every second, whichever comes first. With n nodes a
     * limit lets through at most n such twentieths more than its capacity; nothing is let through that a node's own
     * view of the bucket refuses.
     */
    static long slack(BucketConfiguration configuration) {
        long smallest = Long.MAX_VALUE;
        for (var bandwidth : configuration.getBandwidths()) smallest = Math.min(smallest, bandwidth.getCapacity());
        return smallest == Long.MAX_VALUE ? 0 : smallest / 20;
    }

    private static Source inMemory(TimeMeter meter) {
        Cache<String, Bucket> buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofHours(1))
                .maximumSize(1_000_000)
                .build();
        return (key, configuration) -> buckets.get(key, local(configuration, meter));
    }

    private static Function<String, Bucket> local(BucketConfiguration configuration, TimeMeter meter) {
        return key -> {
            var builder = Bucket.builder().withCustomTimePrecision(meter);
            for (var bandwidth : configuration.getBandwidths()) builder.addLimit(bandwidth);
            return builder.build();
        };
    }

    private static PostgreSQLSelectForUpdateBasedProxyManager<String> proxies(DataSource pool,
            @Nullable TimeMeter clock) {
        var builder = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)));
        if (clock != null) builder.clientClock(clock);
        return builder.build();
    }

    /** Bucket4j's time from a {@link Clock}. */
    private record ClockMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            var now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
