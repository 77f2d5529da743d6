package o2o.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.identity.WechatAccount;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Signed API tokens (JWT, HS256). A token names who signed in and, for staff, their merchant, role, stores and token
 * epoch; a staff token is then held against the account's current state by {@link StaffAccessCheck} (a cached read,
 * not a round trip per request).
 */
@Component
public class Tokens {

    private static final String WECHAT_TICKET = "wechat-ticket";

    private final SecretKey key;
    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final IdentityProperties properties;
    private final StaffAccess access;
    private final Clock clock;

    Tokens(Secrets secrets, IdentityProperties properties, StaffAccess access, Clock clock) {
        this.key = new SecretKeySpec(secrets.tokenKey(), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = new RememberedTokens(
                NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build(), 20_000);
        this.properties = properties;
        this.access = access;
        this.clock = clock;
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** A staff token carries the account's token epoch: disabling the account or resetting its password ends it. */
    public String issue(StaffPrincipal staff) {
        var epoch = access.fresh(staff.staffId()).map(StaffAccess.Current::epoch).orElse(0);
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer("o2o")
                .subject(staff.staffId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.staffTokenTtl()))
                .claim("typ", "staff")
                .claim("usr", staff.username())
                .claim("role", staff.role().name())
                .claim("stores", staff.storeIds().stream().map(UUID::toString).toList())
                .claim("ep", epoch);
        if (staff.merchantId() != null) claims.claim("mid", staff.merchantId().toString());
        return encode(claims.build());
    }

    public String issue(CustomerPrincipal customer) {
        var now = clock.instant();
        return encode(JwtClaimsSet.builder()
                .issuer("o2o")
                .subject(customer.customerId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.customerTokenTtl()))
                .claim("typ", "customer")
                .claim("phone", customer.phone().value())
                .build());
    }

    /**
     * A short-lived signed note that WeChat vouched for this account, for a client that must still prove a phone
     * before the account is bound ({@code POST /api/v1/auth/otp/verify} takes it). It is not an access token.
     */
    public String issueWechatTicket(WechatAccount account, Duration ttl) {
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer("o2o")
                .subject(account.openid())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("typ", WECHAT_TICKET);
        if (account.unionid() != null) claims.claim("uid", account.unionid());
        if (account.nickname() != null) claims.claim("nick", account.nickname());
        if (account.avatarUrl() != null) claims.claim("avatar", account.avatarUrl());
        return encode(claims.build());
    }

    /** The WeChat account a ticket vouches for; a forged, expired or other token is a 401. */
    public WechatAccount readWechatTicket(String ticket) {
        try {
            var jwt = decoder.decode(ticket);
            if (!WECHAT_TICKET.equals(jwt.getClaimAsString("typ")) || jwt.getExpiresAt() == null
                    || !jwt.getExpiresAt().isAfter(clock.instant())) {
                throw invalidTicket();
            }
            return new WechatAccount(jwt.getSubject(), jwt.getClaimAsString("uid"), jwt.getClaimAsString("nick"),
                    jwt.getClaimAsString("avatar"));
        } catch (JwtException e) {
            throw invalidTicket();
        }
    }

    private static Problem invalidTicket() {
        return new Problem(HttpStatus.UNAUTHORIZED, "wechat-ticket-invalid", "the WeChat ticket is forged or expired");
    }

    /** Turns a verified token back into the person it names; anything but a customer's or staff token is refused. */
    ActorAuthentication authentication(Jwt jwt) {
        var type = jwt.getClaimAsString("typ");
        if (!"customer".equals(type) && !"staff".equals(type)) throw new InvalidBearerTokenException("not an access token");
        var subject = UUID.fromString(jwt.getSubject());
        if ("customer".equals(type)) {
            return ActorAuthentication.of(new CustomerPrincipal(subject, new PhoneNumber(jwt.getClaimAsString("phone"))));
        }
        var merchant = jwt.getClaimAsString("mid");
        List<String> stores = jwt.getClaimAsStringList("stores");
        var storeIds = new HashSet<UUID>();
        if (stores != null) stores.forEach(s -> storeIds.add(UUID.fromString(s)));
        Number epoch = jwt.getClaim("ep");
        return ActorAuthentication.of(new StaffPrincipal(subject, jwt.getClaimAsString("usr"),
                merchant == null ? null : UUID.fromString(merchant), Role.valueOf(jwt.getClaimAsString("role")),
                storeIds), epoch == null ? 0 : epoch.intValue());
    }

    private String encode(JwtClaimsSet claims) {
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

}
