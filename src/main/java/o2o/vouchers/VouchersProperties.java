package o2o.vouchers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param qrSecret key that signs QR tokens; blank makes a random one per run
 * @param qrTtl how long a QR token shown on a phone stays good
 * @param reversalWindow how long after a redemption a manager may reverse it
 * @param redeemsPerStaffPerMinute attempts one staff member may make (stops guessing codes)
 * @param redeemsPerStorePerMinute attempts one store may make
 */
@ConfigurationProperties("o2o.vouchers")
record VouchersProperties(@DefaultValue("") String qrSecret, @DefaultValue("5m") Duration qrTtl,
        @DefaultValue("30m") Duration reversalWindow, @DefaultValue("30") int redeemsPerStaffPerMinute,
        @DefaultValue("120") int redeemsPerStorePerMinute) {}
