package o2o.outreach.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.outreach.Holdout;
import o2o.outreach.MessagePlan;
import o2o.outreach.Offer;
import o2o.outreach.Outreach;
import o2o.outreach.OutreachKind;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outreach} table: a campaign's way of reaching members, and its moves from scheduled to sent. */
@Repository
public class OutreachRows {

    private static final String COLUMNS = """
            campaign_id, merchant_id, kind, segment_id, trigger_days, offer_kind, coupon_template_id, offer_points,
            offer_minor, channels, message, holdout_percent, send_at, status, audience_size, created_at, created_by,
            sent_at
            """;

    private final JdbcClient jdbc;

    OutreachRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the campaign reaches members already. */
    public boolean insert(Outreach o) {
        return jdbc.sql("insert into outreach (" + COLUMNS + """
                        ) values (:id, :merchant, :kind, :segment, :days, :offerKind, :template, :points, :minor,
                                  cast(:channels as text[]), :message, :holdout, :sendAt, :status, null, :createdAt,
                                  :createdBy, null)
                        on conflict do nothing
                        """)
                .paramSource(params(o)).update() == 1;
    }

    /**
     * A send that went out before this system knew of it (an import of history), written as it stands: sent, with its
     * audience size and when it went. False when the campaign reaches members already.
     */
    public boolean insertPast(Outreach o) {
        return jdbc.sql("insert into outreach (" + COLUMNS + """
                        ) values (:id, :merchant, :kind, :segment, :days, :offerKind, :template, :points, :minor,
                                  cast(:channels as text[]), :message, :holdout, :sendAt, :status, :size, :createdAt,
                                  :createdBy, :sentAt)
                        on conflict do nothing
                        """)
                .paramSource(params(o).addValue("size", o.audienceSize())
                        .addValue("sentAt", o.sentAt() == null ? null : utc(o.sentAt())))
                .update() == 1;
    }

    /** Changes a send that has not started, or a journey; false for a send that has started. */
    public boolean replace(Outreach o) {
        return jdbc.sql("""
                        update outreach set segment_id = :segment, trigger_days = :days, offer_kind = :offerKind,
                               coupon_template_id = :template, offer_points = :points, offer_minor = :minor,
                               channels = cast(:channels as text[]), message = :message, holdout_percent = :holdout,
                               send_at = :sendAt
                         where campaign_id = :id and merchant_id = :merchant and status in ('SCHEDULED', 'ACTIVE', 'PAUSED')
                        """)
                .paramSource(params(o)).update() == 1;
    }

    public Optional<Outreach> find(UUID campaignId) {
        return jdbc.sql("select " + COLUMNS + " from outreach where campaign_id = :id").param("id", campaignId)
                .query(OutreachRows::outreach).optional();
    }

    public List<Outreach> findAll(List<UUID> campaignIds) {
        return jdbc.sql("select " + COLUMNS + " from outreach where campaign_id = any(:ids)")
                .param("ids", campaignIds.toArray(UUID[]::new)).query(OutreachRows::outreach).list();
    }

    public List<Outreach> ofMerchant(UUID merchantId, boolean journeys) {
        return jdbc.sql("select " + COLUMNS + " from outreach where merchant_id = :m and (kind = 'TARGETED') <> :j "
                        + "order by created_at desc limit 200")
                .param("m", merchantId).param("j", journeys).query(OutreachRows::outreach).list();
    }

    /** The sends whose time has come, and those a node left half done. */
    public List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                        select campaign_id from outreach where status in ('SCHEDULED', 'SENDING') and send_at <= :now
                        order by send_at limit :limit
                        """)
                .param("now", utc(now)).param("limit", limit).query(UUID.class).list();
    }

    /** SCHEDULED → SENDING; false when it was not scheduled (another node started it, or it is sent). */
    public boolean start(UUID campaignId) {
        return jdbc.sql("update outreach set status = 'SENDING' where campaign_id = :id and status = 'SCHEDULED'")
                .param("id", campaignId).update() == 1;
    }

    /** SENDING → SENT, with how many members it took in; false when it was not sending. */
    public boolean finish(UUID campaignId, int audienceSize, Instant at) {
        return jdbc.sql("""
                        update outreach set status = 'SENT', audience_size = :size, sent_at = :at
                         where campaign_id = :id and status = 'SENDING'
                        """)
                .param("id", campaignId).param("size", audienceSize).param("at", utc(at)).update() == 1;
    }

    /** A journey ACTIVE ↔ PAUSED. */
    public boolean setJourneyStatus(UUID merchantId, UUID campaignId, Outreach.Status status) {
        return jdbc.sql("""
                        update outreach set status = :status
                         where campaign_id = :id and merchant_id = :m and status in ('ACTIVE', 'PAUSED')
                        """)
                .param("status", status.name()).param("id", campaignId).param("m", merchantId).update() == 1;
    }

    /** The active journeys of a kind, of every merchant. */
    public List<Outreach> activeJourneys(OutreachKind kind) {
        return jdbc.sql("select " + COLUMNS + " from outreach where kind = :kind and status = 'ACTIVE'")
                .param("kind", kind.name()).query(OutreachRows::outreach).list();
    }

    /** The merchant's active journeys of a kind. */
    public List<Outreach> activeJourneys(OutreachKind kind, UUID merchantId) {
        return jdbc.sql("select " + COLUMNS + " from outreach where kind = :kind and status = 'ACTIVE' and merchant_id = :m")
                .param("kind", kind.name()).param("m", merchantId).query(OutreachRows::outreach).list();
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Outreach o) {
        var offer = o.offer();
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("id", o.campaignId()).addValue("merchant", o.merchantId())
                .addValue("kind", o.kind().name()).addValue("segment", o.segmentId())
                .addValue("days", o.triggerDays()).addValue("offerKind", offer.kind().name())
                .addValue("template", offer.couponTemplateId()).addValue("points", offer.points())
                .addValue("minor", offer.amount() == null ? null : offer.amount().minor())
                .addValue("channels", o.message().channels().stream().map(Enum::name).sorted()
                        .toArray(String[]::new))
                .addValue("message", o.message().text()).addValue("holdout", o.holdout().percent())
                .addValue("sendAt", o.sendAt() == null ? null : utc(o.sendAt()))
                .addValue("status", o.status().name())
                .addValue("createdAt", utc(o.createdAt())).addValue("createdBy", o.createdBy());
    }

    private static Outreach outreach(ResultSet rs, int row) throws SQLException {
        var offerKind = Offer.Kind.valueOf(rs.getString("offer_kind"));
        var minor = (Long) rs.getObject("offer_minor");
        var offer = new Offer(offerKind, rs.getObject("coupon_template_id", UUID.class),
                (Long) rs.getObject("offer_points"), minor == null ? null : Money.cny(minor));
        var channels = EnumSet.noneOf(MessagePlan.Channel.class);
        Arrays.stream((String[]) rs.getArray("channels").getArray()).map(MessagePlan.Channel::valueOf)
                .forEach(channels::add);
        return new Outreach(rs.getObject("campaign_id", UUID.class), rs.getObject("merchant_id", UUID.class),
                OutreachKind.valueOf(rs.getString("kind")), rs.getObject("segment_id", UUID.class),
                (Integer) rs.getObject("trigger_days"), offer, new MessagePlan(channels, rs.getString("message")),
                new Holdout(rs.getInt("holdout_percent")), instant(rs, "send_at"),
                Outreach.Status.valueOf(rs.getString("status")), (Integer) rs.getObject("audience_size"),
                instant(rs, "created_at"), rs.getObject("created_by", UUID.class), instant(rs, "sent_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
