package o2o.campaigns.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.campaigns.Channel;
import o2o.campaigns.CodeWithScans;
import o2o.campaigns.Target;
import o2o.campaigns.TrackingCode;
import o2o.shared.Timestamps;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code tracking_code} table. Codes are unique platform-wide: an insert whose code is taken inserts nothing and
 * says so, rather than failing the transaction.
 */
@Repository
public class CodeRows {

    private static final String COLUMNS = """
            c.id, c.merchant_id, c.campaign_id, c.code, c.channel, c.store_id, c.staff_id, c.target, c.target_id,
            c.label, c.created_at""";

    private final JdbcClient jdbc;

    CodeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when another code already has this text. */
    public boolean insertIfFree(TrackingCode code) {
        return jdbc.sql("""
                        insert into tracking_code (id, merchant_id, campaign_id, code, channel, store_id, staff_id, target,
                            target_id, label, created_at)
                        values (:id, :merchant, :campaign, :code, :channel, :store, :staff, :target, :targetId, :label,
                            :at)
                        on conflict (code) do nothing
                        """)
                .param("id", code.id()).param("merchant", code.merchantId()).param("campaign", code.campaignId())
                .param("code", code.code()).param("channel", code.channel().name())
                .param("store", new SqlParameterValue(Types.OTHER, code.storeId()))
                .param("staff", new SqlParameterValue(Types.OTHER, code.staffId()))
                .param("target", code.target().name()).param("targetId", code.targetId())
                .param("label", new SqlParameterValue(Types.VARCHAR, code.label()))
                .param("at", Timestamps.utc(code.createdAt()))
                .update() > 0;
    }

    public long countOf(UUID merchantId, UUID campaignId) {
        return jdbc.sql("select count(*) from tracking_code where merchant_id = :merchant and campaign_id = :campaign")
                .param("merchant", merchantId).param("campaign", campaignId).query(Long.class).single();
    }

    public Optional<CodeWithScans> find(UUID merchantId, UUID campaignId, UUID codeId) {
        return jdbc.sql("select " + COLUMNS + """
                        , (select count(*) from campaign_scan s where s.code_id = c.id) as scans
                        from tracking_code c
                        where c.merchant_id = :merchant and c.campaign_id = :campaign and c.id = :id
                        """)
                .param("merchant", merchantId).param("campaign", campaignId).param("id", codeId)
                .query(CodeRows::withScans).optional();
    }

    /** The campaign's codes in the order they were made, each with its scan count. */
    public List<CodeWithScans> of(UUID merchantId, UUID campaignId) {
        return jdbc.sql("select " + COLUMNS + """
                        , (select count(*) from campaign_scan s where s.code_id = c.id) as scans
                        from tracking_code c
                        where c.merchant_id = :merchant and c.campaign_id = :campaign
                        order by c.created_at, c.id
                        """)
                .param("merchant", merchantId).param("campaign", campaignId)
                .query(CodeRows::withScans).list();
    }

    private static CodeWithScans withScans(ResultSet rs, int row) throws SQLException {
        var code = new TrackingCode(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), rs.getString("code"), Channel.valueOf(rs.getString("channel")),
                rs.getObject("store_id", UUID.class), rs.getObject("staff_id", UUID.class),
                Target.valueOf(rs.getString("target")), rs.getObject("target_id", UUID.class), rs.getString("label"),
                rs.getTimestamp("created_at").toInstant());
        return new CodeWithScans(code, rs.getLong("scans"));
    }
}
