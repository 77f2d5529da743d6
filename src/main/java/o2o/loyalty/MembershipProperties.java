package o2o.loyalty;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param memberQrSecret key that signs member QR codes; blank makes a random one per run
 * @param memberQrTtl how long a member QR code shown on a phone stays good (the card page renews it before then)
 * @param lookupsPerStaffPerMinute member lookups one staff member may make (stops guessing phones and codes)
 */
@ConfigurationProperties("o2o.loyalty")
record MembershipProperties(@DefaultValue("") String memberQrSecret, @DefaultValue("60s") Duration memberQrTtl,
        @DefaultValue("60") int lookupsPerStaffPerMinute) {}
