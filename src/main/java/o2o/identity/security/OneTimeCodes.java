package o2o.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.shared.Ids;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in by SMS code. A code is six random digits, stored only as an HMAC, valid for a few minutes, good for one
 * sign-in, and void after a few wrong guesses; sending and guessing are rate-limited per phone and per client.
 */
@Component
public class OneTimeCodes {

    private static final Limit SEND_PER_PHONE_DAY = new Limit("otp-send-phone-day", 10, Duration.ofDays(1));
    private static final Limit VERIFY_PER_PHONE = new Limit("otp-verify-phone", 10, Duration.ofMinutes(15));

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Customers customers;
    private final RateLimits rateLimits;
    private final MessageSource messages;
    private final IdentityProperties properties;
    private final SecretKeySpec hmacKey;
    private final Limit sendPerClient;
    private final Limit verifyPerClient;
    private final Clock clock;

    OneTimeCodes(JdbcClient jdbc, Notifications notifications, Customers customers, RateLimits rateLimits,
            MessageSource messages, IdentityProperties properties, Secrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.customers = customers;
        this.rateLimits = rateLimits;
        this.messages = messages;
        this.properties = properties;
        this.hmacKey = new SecretKeySpec(secrets.tokenKey(), "HmacSHA256");
        this.sendPerClient = new Limit("otp-send-client", properties.clientCodesPerHour(), Duration.ofHours(1));
        this.verifyPerClient = new Limit("otp-verify-client", properties.clientSignInsPer15m(), Duration.ofMinutes(15));
        this.clock = clock;
    }

    /** Texts a fresh code to the phone, voiding any earlier one. */
    @Transactional
    public Duration send(PhoneNumber phone, String client, Locale locale) {
        rateLimits.check(sendPerClient, client);
        var now = clock.instant();
        var last = jdbc.sql("select max(created_at) from otp_challenge where phone = :phone")
                .param("phone", phone.value())
                .query(OffsetDateTime.class)
                .optional();
        if (last.isPresent() && last.get().toInstant().plus(properties.otpResendInterval()).isAfter(now)) {
            long wait = Duration.between(now, last.get().toInstant().plus(properties.otpResendInterval())).toSeconds() + 1;
            throw RateLimits.tooMany(wait);
        }
        rateLimits.check(SEND_PER_PHONE_DAY, phone.value());
        var code = "%06d".formatted(random.nextInt(1_000_000));
        jdbc.sql("update otp_challenge set consumed_at = :now where phone = :phone and consumed_at is null")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("phone", phone.value())
                .update();
        jdbc.sql("""
                        insert into otp_challenge (id, phone, code_hash, created_at, expires_at, attempts)
                        values (:id, :phone, :hash, :now, :expires, 0)
                        """)
                .param("id", Ids.next())
                .param("phone", phone.value())
                .param("hash", hash(phone, code))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("expires", now.plus(properties.otpTtl()).atOffset(ZoneOffset.UTC))
                .update();
        var minutes = properties.otpTtl().toMinutes();
        notifications.sms(phone, MessageKind.SIGN_IN_CODE, Map.of("code", code, "minutes", minutes),
                messages.getMessage("sms.otp", new Object[] {code, minutes}, locale));
        return properties.otpTtl();
    }

    /**
     * Checks a code and signs the customer in (registering them on first sign-in). The live challenge row is locked
     * while it is checked, so a code signs in once however many requests race with it.
     */
    @Transactional(noRollbackFor = Problem.class)
    public CustomerPrincipal verify(PhoneNumber phone, String code, String client) {
        rateLimits.check(verifyPerClient, client);
        rateLimits.check(VERIFY_PER_PHONE, phone.value());
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        var challenge = jdbc.sql("""
                        select id, code_hash, attempts from otp_challenge
                        where phone = :phone and consumed_at is null and expires_at > :now
                        order by created_at desc limit 1 for update
                        """)
                .param("phone", phone.value())
                .param("now", now)
                .query((rs, row) -> new Challenge(rs.getObject("id", UUID.class), rs.getString("code_hash"),
                        rs.getInt("attempts")))
                .optional()
                .orElseThrow(OneTimeCodes::invalid);
        boolean matches = MessageDigest.isEqual(challenge.hash().getBytes(StandardCharsets.US_ASCII),
                hash(phone, code).getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            jdbc.sql("""
                            update otp_challenge set attempts = attempts + 1,
                                consumed_at = case when attempts + 1 >= :max then :now end
                            where id = :id
                            """)
                    .param("max", properties.otpMaxAttempts())
                    .param("now", now)
                    .param("id", challenge.id())
                    .update();
            throw invalid();
        }
        jdbc.sql("update otp_challenge set consumed_at = :now where id = :id")
                .param("now", now)
                .param("id", challenge.id())
                .update();
        return customers.findOrRegister(phone);
    }

    private static Problem invalid() {
        return new Problem(HttpStatus.UNAUTHORIZED, "otp-invalid", "the code is wrong, used or expired");
    }

    private String hash(PhoneNumber phone, String code) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal((phone.value() + ':' + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Challenge(UUID id, String hash, int attempts) {}
}
