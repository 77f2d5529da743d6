package o2o.tableorders.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.dining.TableSession;
import o2o.merchants.Store;
import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.tableorders.ItemState;
import o2o.tableorders.Round;
import o2o.tableorders.RoundItem;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rounds sent to the kitchen ({@code table_round}) and their dishes ({@code round_item}). */
@Repository
public class RoundRepository {

    private static final String ITEM_COLUMNS = """
            i.id, i.round_id, r.number, i.item_id, i.name, i.options, i.note, i.unit_price_minor, i.quantity,
            i.amount_minor, i.currency, i.added_by, i.customer_id, i.state, i.state_at
            """;

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The session's rounds, oldest first, with every dish and its state. */
    public List<Round> of(UUID sessionId) {
        var rounds = jdbc.sql("""
                        select id, session_id, number, submitted_by, submitted_at from table_round
                        where session_id = :s order by number
                        """)
                .param("s", sessionId).query(RoundRepository::round).list();
        var items = jdbc.sql("select " + ITEM_COLUMNS + """
                         from round_item i join table_round r on r.id = i.round_id
                        where i.session_id = :s order by r.number, i.id
                        """)
                .param("s", sessionId).query(RoundRepository::item).list();
        return withItems(rounds, items);
    }

    /**
     * The session's next round with its dishes, numbered the last number plus one: the caller holds the session's
     * lock. Returns its number.
     */
    public int add(TableSession session, String submittedBy, List<RoundDish> dishes, Instant at) {
        var roundId = Ids.next();
        var now = utc(at);
        var number = jdbc.sql("""
                        insert into table_round (id, merchant_id, store_id, session_id, table_id, number,
                                                 submitted_by, submitted_at)
                        select :id, :m, :store, :s, :table, coalesce(max(number), 0) + 1, :by, :now
                        from table_round where session_id = :s
                        returning number
                        """)
                .param("id", roundId).param("m", session.merchantId()).param("store", session.storeId())
                .param("s", session.id()).param("table", session.tableId()).param("by", submittedBy)
                .param("now", now)
                .query(Integer.class).single();
        for (var dish : dishes) {
            var priced = dish.priced();
            jdbc.sql("""
                            insert into round_item (id, merchant_id, store_id, session_id, round_id, item_id, name,
                                                    options, note, unit_price_minor, quantity, amount_minor, currency,
                                                    added_by, customer_id, state, state_at)
                            values (:id, :m, :store, :s, :round, :item, :name, cast(:options as text[]), :note,
                                    :unit, :quantity, :amount, :currency, :by, :customer, 'NEW', :now)
                            """)
                    .param("id", Ids.next()).param("m", session.merchantId()).param("store", session.storeId())
                    .param("s", session.id()).param("round", roundId).param("item", priced.itemId())
                    .param("name", priced.name()).param("options", priced.options().toArray(String[]::new))
                    .param("note", new SqlParameterValue(Types.VARCHAR, dish.note()))
                    .param("unit", priced.unitPrice().minor()).param("quantity", priced.quantity())
                    .param("amount", priced.amount().minor())
                    .param("currency", priced.amount().currency().getCurrencyCode())
                    .param("by", dish.addedBy())
                    .param("customer", new SqlParameterValue(Types.OTHER, dish.customerId()))
                    .param("now", now)
                    .update();
        }
        return number;
    }

    /** The store's rounds that still have a dish to cook or serve, oldest first, with all their dishes. */
    public List<TableRound> inKitchen(Store store) {
        var rounds = jdbc.sql("""
                        select r.id, r.session_id, r.table_id, r.number, r.submitted_by, r.submitted_at
                        from table_round r
                        where r.merchant_id = :m and r.store_id = :s
                          and r.id in (select i.round_id from round_item i
                                       where i.store_id = :s and i.state in ('NEW', 'COOKING'))
                        order by r.submitted_at, r.id
                        """)
                .param("m", store.merchantId()).param("s", store.id())
                .query((rs, n) -> new TableRound(rs.getObject("table_id", UUID.class), round(rs, n)))
                .list();
        if (rounds.isEmpty()) return List.of();
        var ids = rounds.stream().map(r -> r.round().id()).toArray(UUID[]::new);
        var items = jdbc.sql("select " + ITEM_COLUMNS + """
                         from round_item i join table_round r on r.id = i.round_id
                        where i.round_id = any(cast(:ids as uuid[])) and i.merchant_id = :m
                        order by r.submitted_at, r.id, i.id
                        """)
                .param("ids", ids).param("m", store.merchantId()).query(RoundRepository::item).list();
        var full = withItems(rounds.stream().map(TableRound::round).toList(), items);
        var result = new ArrayList<TableRound>();
        for (int i = 0; i < full.size(); i++) result.add(new TableRound(rounds.get(i).tableId(), full.get(i)));
        return result;
    }

    /** The session a dish of this store was ordered in. */
    public Optional<UUID> sessionOf(Store store, UUID itemId) {
        return jdbc.sql("select session_id from round_item where id = :id and merchant_id = :m and store_id = :s")
                .param("id", itemId).param("m", store.merchantId()).param("s", store.id())
                .query(UUID.class).optional();
    }

    public Optional<RoundItem> item(Store store, UUID itemId) {
        return jdbc.sql("select " + ITEM_COLUMNS + """
                         from round_item i join table_round r on r.id = i.round_id
                        where i.id = :id and i.merchant_id = :m and i.store_id = :s
                        """)
                .param("id", itemId).param("m", store.merchantId()).param("s", store.id())
                .query(RoundRepository::item).optional();
    }

    /**
     * Moves the dish to a state only from one of these, in one conditional update that answers the dish as it now
     * stands; empty when it was elsewhere (or is not this store's).
     */
    public Optional<RoundItem> move(Store store, UUID itemId, Set<ItemState> from, ItemState to, Instant now) {
        return jdbc.sql("""
                        with i as (
                            update round_item set state = :to, state_at = :now
                            where id = :id and merchant_id = :m and store_id = :s
                              and state = any(cast(:from as text[]))
                            returning *)
                        """ + "select " + ITEM_COLUMNS + " from i join table_round r on r.id = i.round_id")
                .param("to", to.name()).param("now", utc(now))
                .param("id", itemId).param("m", store.merchantId()).param("s", store.id())
                .param("from", from.stream().map(Enum::name).toArray(String[]::new))
                .query(RoundRepository::item).optional();
    }

    /** Rounds in their order, each with its items (items arrive in round order). */
    private static List<Round> withItems(List<Round> rounds, List<RoundItem> items) {
        var byRound = new LinkedHashMap<UUID, List<RoundItem>>();
        for (var round : rounds) byRound.put(round.id(), new ArrayList<>());
        for (var item : items) {
            var list = byRound.get(item.roundId());
            if (list != null) list.add(item);
        }
        return rounds.stream().map(r -> new Round(r.id(), r.sessionId(), r.number(), r.submittedBy(),
                r.submittedAt(), List.copyOf(byRound.get(r.id())))).toList();
    }

    private static Round round(ResultSet rs, int n) throws SQLException {
        return new Round(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class), rs.getInt("number"),
                rs.getString("submitted_by"), instant(rs, "submitted_at"), List.of());
    }

    private static RoundItem item(ResultSet rs, int n) throws SQLException {
        var currency = Currency.getInstance(rs.getString("currency"));
        return new RoundItem(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                rs.getInt("number"), rs.getObject("item_id", UUID.class), rs.getString("name"),
                List.of((String[]) rs.getArray("options").getArray()), rs.getString("note"),
                new Money(rs.getLong("unit_price_minor"), currency), rs.getInt("quantity"),
                new Money(rs.getLong("amount_minor"), currency), rs.getString("added_by"),
                rs.getObject("customer_id", UUID.class), ItemState.valueOf(rs.getString("state")),
                instant(rs, "state_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
