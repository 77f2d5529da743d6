package o2o.identity.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param tokenSecret base64 key (32+ bytes) that signs API tokens and one-time-code hashes; blank makes a random
 *     one at start-up, so tokens do not survive a restart
 * @param staffTokenTtl lifetime of a staff token
 * @param customerTokenTtl lifetime of a customer token
 * @param otpTtl how long an SMS code is valid
 * @param otpMaxAttempts wrong guesses after which a code is void
 * @param otpResendInterval minimum time between two codes to one phone
 * @param operatorUsername platform operator created at start-up when absent (blank: none)
 * @param operatorPassword that operator's password
 * @param clientCodesPerHour SMS codes one client address may request per hour (raise behind a shared NAT)
 * @param clientSignInsPer15m SMS-code and WeChat sign-in attempts one client address may make per 15 minutes
 *     (staff passwords follow the three limits below instead, see {@link SignInThrottle})
 * @param signInFailuresBeforeDelay wrong passwords one client may give for one staff account before each further
 *     one makes it wait (1 s, doubling, up to 5 min); a success clears them
 * @param clientSignInFailuresBeforeDelay the same for one client over all accounts; a success does not clear them
 * @param accountSignInFailuresPerHour wrong passwords per account and hour from all clients; past it only clients
 *     that have not failed for that account may try
 * @param staffAccessTtl how long a node trusts what it last read of a staff account (enabled, role, stores); a
 *     change made on another node takes effect here within this time, on the node that made it at once
 */
@ConfigurationProperties("o2o.identity")
public record IdentityProperties(
        @DefaultValue("") String tokenSecret,
        @DefaultValue("12h") Duration staffTokenTtl,
        @DefaultValue("30d") Duration customerTokenTtl,
        @DefaultValue("5m") Duration otpTtl,
        @DefaultValue("5") int otpMaxAttempts,
        @DefaultValue("60s") Duration otpResendInterval,
        @DefaultValue("") String operatorUsername,
        @DefaultValue("") String operatorPassword,
        @DefaultValue("30") int clientCodesPerHour,
        @DefaultValue("60") int clientSignInsPer15m,
        @DefaultValue("5") int signInFailuresBeforeDelay,
        @DefaultValue("20") int clientSignInFailuresBeforeDelay,
        @DefaultValue("100") int accountSignInFailuresPerHour,
        @DefaultValue("5s") Duration staffAccessTtl) {}
