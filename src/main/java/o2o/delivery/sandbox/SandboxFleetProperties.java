package o2o.delivery.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox courier fleet: a stand-in for a real one (Meituan 配送, Uber Direct…) for demo, dev and test runs only.
 *
 * @param enabled whether it exists at all (off by default; on with {@code --demo} and in the dev and test profiles; a
 *     production run refuses to start with it on)
 * @param secret the HMAC key its callbacks are signed with; blank makes a random one per run
 * @param callbackUrl where it posts its callbacks; blank for this application's own endpoint on loopback
 * @param basePriceMinor what a job costs the merchant before distance, in fen
 * @param perKmMinor what each started kilometre from the store to the door adds, in fen
 * @param assignAfter how long after the request a rider is found
 * @param pickUpAfter how long the rider then takes to pick the order up
 * @param deliverAfter how long the ride to the door takes (the rider reports a position half way)
 * @param holdContact a job to a contact of this name is priced and referenced but not carried: its steps are left
 *     to a tester, who posts them signed with the secret (the fleet's manual mode)
 * @param stepInterval how often the fleet looks for jobs whose next step is due
 */
@ConfigurationProperties("o2o.delivery.providers.sandbox")
record SandboxFleetProperties(@DefaultValue("false") boolean enabled, @DefaultValue("") String secret,
        @DefaultValue("") String callbackUrl, @DefaultValue("400") long basePriceMinor,
        @DefaultValue("100") long perKmMinor, @DefaultValue("20s") Duration assignAfter,
        @DefaultValue("60s") Duration pickUpAfter, @DefaultValue("90s") Duration deliverAfter,
        @DefaultValue("SANDBOX-HOLD") String holdContact, @DefaultValue("1s") Duration stepInterval) {}
