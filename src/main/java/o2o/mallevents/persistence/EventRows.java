package o2o.mallevents.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.mallevents.EventStatus;
import o2o.mallevents.EventTerms;
import o2o.mallevents.MallEvent;
import o2o.malls.MallId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mall_event table. Seats are taken and given back one at a time by conditional updates
 * ({@code taken < capacity}, {@code taken > 0}), so concurrent sign-ups never oversell an event.
 */
@Repository
public class EventRows {

    private static final String COLUMNS = """
            id, mall_id, merchant_id, title, description, place, starts_at, ends_at, sign_up_deadline, capacity, taken,
            price_minor, currency, status, campaign_id, tracking_code, created_at, cancelled_at
            """;

    private final JdbcClient jdbc;

    EventRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MallEvent event) {
        var t = event.terms();
        jdbc.sql("""
                        insert into mall_event (id, mall_id, merchant_id, title, description, place, starts_at, ends_at,
                            sign_up_deadline, capacity, price_minor, currency, status, campaign_id, tracking_code,
                            created_at, updated_at)
                        values (:id, :mall, :merchant, :title, :description, :place, :startsAt, :endsAt, :deadline,
                            :capacity, :price, :currency, 'SCHEDULED', :campaign, :code, :now, :now)
                        """)
                .param("id", event.id()).param("mall", event.mallId().value())
                .param("merchant", event.merchantId().value()).param("title", t.title())
                .param("description", t.description()).param("place", t.place())
                .param("startsAt", utc(t.startsAt())).param("endsAt", utc(t.endsAt()))
                .param("deadline", utc(t.signUpDeadline())).param("capacity", t.capacity())
                .param("price", t.price().minor()).param("currency", t.price().currency().getCurrencyCode())
                .param("campaign", event.campaignId()).param("code", event.trackingCode())
                .param("now", utc(event.createdAt()))
                .update();
    }

    /**
     * New terms for a scheduled event, in one conditional update: not below the seats taken, and the price unchanged
     * once anyone signed up. False when the event is not the mall's, cancelled, or a condition fails.
     */
    public boolean update(MallId mall, UUID eventId, EventTerms t, Instant now) {
        return jdbc.sql("""
                        update mall_event set title = :title, description = :description, place = :place,
                            starts_at = :startsAt, ends_at = :endsAt, sign_up_deadline = :deadline,
                            capacity = :capacity, price_minor = :price, updated_at = :now
                        where id = :id and mall_id = :mall and status = 'SCHEDULED' and taken <= :capacity
                          and (taken = 0 or price_minor = :price)
                        """)
                .param("title", t.title()).param("description", t.description()).param("place", t.place())
                .param("startsAt", utc(t.startsAt())).param("endsAt", utc(t.endsAt()))
                .param("deadline", utc(t.signUpDeadline())).param("capacity", t.capacity())
                .param("price", t.price().minor()).param("now", utc(now)).param("id", eventId)
                .param("mall", mall.value())
                .update() == 1;
    }

    /** SCHEDULED → CANCELLED; false when it was cancelled already. */
    public boolean cancel(MallId mall, UUID eventId, Instant now) {
        return jdbc.sql("""
                        update mall_event set status = 'CANCELLED', cancelled_at = :now, updated_at = :now
                        where id = :id and mall_id = :mall and status = 'SCHEDULED'
                        """)
                .param("now", utc(now)).param("id", eventId).param("mall", mall.value()).update() == 1;
    }

    /** Takes one seat of a scheduled event; false when it is full (or no longer scheduled). */
    public boolean takeSeat(UUID eventId) {
        return jdbc.sql("""
                        update mall_event set taken = taken + 1
                        where id = :id and status = 'SCHEDULED' and taken < capacity
                        """)
                .param("id", eventId).update() == 1;
    }

    public void releaseSeat(UUID eventId) {
        jdbc.sql("update mall_event set taken = taken - 1 where id = :id and taken > 0").param("id", eventId).update();
    }

    public Optional<MallEvent> find(UUID eventId) {
        return jdbc.sql("select " + COLUMNS + " from mall_event where id = :id")
                .param("id", eventId).query(EventRows::event).optional();
    }

    /** The mall's events, the latest start first (the last 200). */
    public List<MallEvent> ofMall(MallId mall) {
        return jdbc.sql("select " + COLUMNS + " from mall_event where mall_id = :mall order by starts_at desc, id limit 200")
                .param("mall", mall.value()).query(EventRows::event).list();
    }

    /** The mall's scheduled events that have not ended, soonest first. */
    public List<MallEvent> upcoming(MallId mall, Instant now) {
        return jdbc.sql("select " + COLUMNS + """
                         from mall_event where mall_id = :mall and status = 'SCHEDULED' and ends_at > :now
                        order by starts_at, id limit 100
                        """)
                .param("mall", mall.value()).param("now", utc(now)).query(EventRows::event).list();
    }

    public List<MallEvent> findAll(List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + " from mall_event where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new)).query(EventRows::event).list();
    }

    private static MallEvent event(ResultSet rs, int row) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        var terms = new EventTerms(rs.getString("title"), rs.getString("description"), rs.getString("place"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getInt("capacity"),
                new Money(rs.getLong("price_minor"), currency), instant(rs, "sign_up_deadline"));
        return new MallEvent(rs.getObject("id", UUID.class), new MallId(rs.getObject("mall_id", UUID.class)),
                new MerchantId(rs.getObject("merchant_id", UUID.class)), terms, rs.getInt("taken"),
                EventStatus.valueOf(rs.getString("status")), rs.getObject("campaign_id", UUID.class),
                rs.getString("tracking_code"), instant(rs, "created_at"), nullableInstant(rs, "cancelled_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
