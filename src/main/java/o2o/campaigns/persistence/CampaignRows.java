package o2o.campaigns.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.campaigns.Campaign;
import o2o.campaigns.CampaignAudience;
import o2o.shared.Money;
import o2o.shared.TimeCursor;
import o2o.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaign} table; every read is keyed by the merchant, so another merchant's campaign is not found. */
@Repository
public class CampaignRows {

    private static final String COLUMNS = """
            id, merchant_id, name, goal, starts_on, ends_on, media_cost_minor, currency, attribution_days, audience,
            created_at, created_by""";

    private final JdbcClient jdbc;

    CampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Campaign campaign) {
        jdbc.sql("""
                        insert into campaign (id, merchant_id, name, goal, starts_on, ends_on, media_cost_minor, currency,
                            attribution_days, audience, created_at, created_by)
                        values (:id, :merchant, :name, :goal, :startsOn, :endsOn, :cost, :currency, :days, :audience,
                                :at, :by)
                        """)
                .param("id", campaign.id()).param("merchant", campaign.merchantId())
                .param("name", campaign.name())
                .param("goal", new SqlParameterValue(Types.VARCHAR, campaign.goal()))
                .param("startsOn", campaign.startsOn()).param("endsOn", campaign.endsOn())
                .param("cost", campaign.mediaCost().minor())
                .param("currency", campaign.mediaCost().currency().getCurrencyCode())
                .param("days", campaign.attributionDays()).param("audience", campaign.audience().name())
                .param("at", Timestamps.utc(campaign.createdAt())).param("by", campaign.createdBy())
                .update();
    }

    public Optional<Campaign> find(UUID merchantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from campaign where merchant_id = :merchant and id = :id")
                .param("merchant", merchantId).param("id", id)
                .query(CampaignRows::campaign).optional();
    }

    /** Newest first, after the cursor's campaign when there is one. */
    public List<Campaign> page(UUID merchantId, @Nullable TimeCursor after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from campaign
                        where merchant_id = :merchant
                          and (cast(:afterAt as timestamptz) is null
                               or (created_at, id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
                        order by created_at desc, id desc
                        limit :limit
                        """)
                .param("merchant", merchantId)
                .param("afterAt", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        after == null ? null : Timestamps.utc(after.at())))
                .param("afterId", new SqlParameterValue(Types.OTHER, after == null ? null : after.id()))
                .param("limit", limit)
                .query(CampaignRows::campaign).list();
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("name"), rs.getString("goal"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                new Money(rs.getLong("media_cost_minor"), Currency.getInstance(rs.getString("currency").strip())),
                rs.getInt("attribution_days"), CampaignAudience.valueOf(rs.getString("audience")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("created_by", UUID.class));
    }
}
