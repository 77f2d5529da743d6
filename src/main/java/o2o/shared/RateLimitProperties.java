package o2o.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where rate limits keep their token buckets.
 *
 * @param store {@code postgresql}: in the application's database, so every node counts against the same buckets;
 *     {@code memory}: on this node alone (a single node only: with two, each would allow the full limit)
 * @param poolSize connections of the small pool the buckets are read and written through, apart from the
 *     application's pool so that a limit checked inside a transaction never waits for that pool
 */
@ConfigurationProperties("o2o.rate-limits")
public record RateLimitProperties(@DefaultValue("postgresql") Store store, @DefaultValue("4") int poolSize) {

    public enum Store { MEMORY, POSTGRESQL }
}
