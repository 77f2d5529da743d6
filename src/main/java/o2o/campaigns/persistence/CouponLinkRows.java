package o2o.campaigns.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaign_coupon} table: which campaign hands out a coupon template (at most one). */
@Repository
public class CouponLinkRows {

    private final JdbcClient jdbc;

    CouponLinkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the template already belongs to a campaign (this one or another). */
    public boolean linkIfFree(UUID merchantId, UUID campaignId, UUID templateId, Instant at) {
        return jdbc.sql("""
                        insert into campaign_coupon (merchant_id, campaign_id, template_id, linked_at)
                        values (:merchant, :campaign, :template, :at)
                        on conflict (template_id, merchant_id) do nothing
                        """)
                .param("merchant", merchantId).param("campaign", campaignId).param("template", templateId)
                .param("at", Timestamps.utc(at))
                .update() > 0;
    }

    /** The campaign owning the template, when it is the merchant's. */
    public Optional<UUID> campaignOf(UUID merchantId, UUID templateId) {
        return jdbc.sql("select campaign_id from campaign_coupon where merchant_id = :merchant and template_id = :t")
                .param("merchant", merchantId).param("t", templateId).query(UUID.class).optional();
    }

    /** The campaign's templates in the order they were linked. */
    public List<UUID> templatesOf(UUID merchantId, UUID campaignId) {
        return jdbc.sql("""
                        select template_id from campaign_coupon where merchant_id = :merchant and campaign_id = :campaign
                        order by linked_at, template_id
                        """)
                .param("merchant", merchantId).param("campaign", campaignId).query(UUID.class).list();
    }
}
