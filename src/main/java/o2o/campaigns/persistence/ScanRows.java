package o2o.campaigns.persistence;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.campaigns.Device;
import o2o.campaigns.PastScan;
import o2o.campaigns.Target;
import o2o.shared.Ids;
import o2o.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaign_scan} table: the short link's one statement. */
@Repository
public class ScanRows {

    /** Where a recorded scan lands. */
    public record Landing(Target target, UUID targetId) {}

    private final JdbcClient jdbc;

    ScanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Finds the code and records its scan in one statement (a data-modifying CTE): the hot path makes one round trip
     * and one insert. Empty, and nothing recorded, when no code has this text.
     */
    public Optional<Landing> record(String code, UUID visitorId, @Nullable UUID customerId, Device device,
            Instant at) {
        return jdbc.sql("""
                        with found as (
                            select id, merchant_id, campaign_id, target, target_id from tracking_code where code = :code
                        ), scan as (
                            insert into campaign_scan (id, merchant_id, code_id, campaign_id, scanned_at, visitor_id,
                                customer_id, device)
                            select :id, merchant_id, id, campaign_id, :at, :visitor, :customer, :device from found
                        )
                        select target, target_id from found
                        """)
                .param("code", code).param("id", Ids.next()).param("at", Timestamps.utc(at))
                .param("visitor", visitorId)
                .param("customer", new SqlParameterValue(Types.OTHER, customerId))
                .param("device", device.name())
                .query((rs, row) -> new Landing(Target.valueOf(rs.getString("target")),
                        rs.getObject("target_id", UUID.class)))
                .optional();
    }
    /** Names the customer on the visitor's scans nobody was named on yet, at every merchant; how many it named. */
    public int bind(UUID visitorId, UUID customerId) {
        return jdbc.sql("update campaign_scan set customer_id = :customer where visitor_id = :visitor "
                        + "and customer_id is null")
                .param("customer", customerId).param("visitor", visitorId).update();
    }

    /**
     * Records a table QR's scan carrying the merchant's tracking code, under the table scan's own id so that a
     * redelivered event records it once. The code of another merchant records nothing.
     */
    public void recordOnce(UUID scanId, UUID merchantId, String code, UUID visitorId, @Nullable UUID customerId,
            Instant at) {
        jdbc.sql("""
                        insert into campaign_scan (id, merchant_id, code_id, campaign_id, scanned_at, visitor_id,
                            customer_id, device)
                        select :id, merchant_id, id, campaign_id, :at, :visitor, :customer, 'OTHER'
                        from tracking_code where merchant_id = :merchant and code = :code
                        on conflict (id, merchant_id) do nothing
                        """)
                .param("id", scanId).param("merchant", merchantId).param("code", code)
                .param("at", Timestamps.utc(at)).param("visitor", visitorId)
                .param("customer", new SqlParameterValue(Types.OTHER, customerId))
                .update();
    }

    /** A merged customer's rows become the target's. */
    public void moveCustomer(UUID sourceId, UUID targetId) {
        jdbc.sql("update campaign_scan set customer_id = :target where customer_id = :source")
                .param("target", targetId).param("source", sourceId).update();
    }

    /**
     * Past scans in one statement, each joined to its code for the campaign (a code not the merchant's matches
     * nothing) and keyed by its own id; how many were new.
     */
    public int importAll(UUID merchantId, List<PastScan> scans) {
        if (scans.isEmpty()) return 0;
        return jdbc.sql("""
                        insert into campaign_scan (id, merchant_id, code_id, campaign_id, scanned_at, visitor_id,
                            customer_id, device)
                        select x.id, t.merchant_id, t.id, t.campaign_id, x.at, x.visitor, x.customer, x.device
                        from unnest(cast(:ids as uuid[]), cast(:codes as uuid[]), cast(:ats as timestamptz[]),
                                    cast(:visitors as uuid[]), cast(:customers as uuid[]), cast(:devices as text[]))
                             as x(id, code, at, visitor, customer, device)
                        join tracking_code t on t.merchant_id = :merchant and t.id = x.code
                        on conflict (id, merchant_id) do nothing
                        """)
                .param("merchant", merchantId)
                .param("ids", scans.stream().map(PastScan::id).toArray(UUID[]::new))
                .param("codes", scans.stream().map(PastScan::codeId).toArray(UUID[]::new))
                .param("ats", scans.stream().map(s -> s.scannedAt().toString()).toArray(String[]::new))
                .param("visitors", scans.stream().map(PastScan::visitorId).toArray(UUID[]::new))
                .param("customers", scans.stream().map(s -> s.customer() == null ? null : s.customer().value())
                        .toArray(UUID[]::new))
                .param("devices", scans.stream().map(s -> s.device().name()).toArray(String[]::new))
                .update();
    }
}
