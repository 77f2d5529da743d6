package o2o.payments.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox gateway: a stand-in for a real one, for demo, dev and test runs only.
 *
 * @param enabled whether it exists at all (off by default; on with {@code --demo} and in the dev and test profiles)
 * @param webhookSecret shared secret of the webhook signatures; blank makes a random one per run
 * @param webhookUrl where the gateway sends its webhooks; blank for this application's own endpoint on loopback
 * @param toleranceSeconds how old a webhook's timestamp may be before it is refused as stale
 */
@ConfigurationProperties("o2o.payments.sandbox")
record SandboxProperties(@DefaultValue("false") boolean enabled, @DefaultValue("") String webhookSecret, @DefaultValue("") String webhookUrl,
        @DefaultValue("300") long toleranceSeconds) {}
