package o2o.identity.security;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A token decoder that checks each token once: a token that verified (signature and times) is remembered by its exact
 * text until the decoder would refuse it for its age, at most a few minutes, so a client's next requests with the
 * same token skip the HMAC and the JSON parse. A token that fails is never remembered. What a token grants is still
 * held against the account on every request ({@link StaffAccessCheck}).
 */
final class RememberedTokens implements JwtDecoder {

    /** What the decoder's own time check allows past {@code exp} (Spring Security's default clock skew). */
    static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration AT_MOST = Duration.ofMinutes(5);

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified;

    RememberedTokens(JwtDecoder decoder, int size) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfter(Expiry.<String, Jwt>creating(
                (token, jwt) -> remembered(jwt, Instant.now()))).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var jwt = verified.getIfPresent(token);
        if (jwt != null) return jwt;
        jwt = decoder.decode(token);
        if (!remembered(jwt, Instant.now()).isZero()) verified.put(token, jwt);
        return jwt;
    }

    /** As long as the decoder would still take the token, capped; zero for a token without an expiry. */
    static Duration remembered(Jwt jwt, Instant now) {
        var expires = jwt.getExpiresAt();
        if (expires == null) return Duration.ZERO;
        var left = Duration.between(now, expires.plus(SKEW));
        if (left.isNegative()) return Duration.ZERO;
        return left.compareTo(AT_MOST) < 0 ? left : AT_MOST;
    }
}
