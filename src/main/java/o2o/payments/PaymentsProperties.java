package o2o.payments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateways.
 *
 * @param keyEncryptionKey base64 AES key (32 bytes) that encrypts merchants' gateway keys at rest; blank makes a random
 *     one per run, allowed in demo, dev and test runs only
 * @param notifyBaseUrl the public https address of this platform, which gateways send their notifications to
 * @param queryAfter how long a gateway payment may stay unconfirmed before the provider is asked about it
 * @param queryInterval how often it is asked again after that
 * @param closeAfter when an unpaid gateway charge is closed at the provider and the payment failed
 */
@ConfigurationProperties("o2o.payments")
public record PaymentsProperties(
        @DefaultValue("") String keyEncryptionKey,
        @DefaultValue("http://localhost:8080") String notifyBaseUrl,
        @DefaultValue("2m") Duration queryAfter,
        @DefaultValue("1m") Duration queryInterval,
        @DefaultValue("30m") Duration closeAfter) {}
