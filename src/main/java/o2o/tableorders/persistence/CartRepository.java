package o2o.tableorders.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.catalog.PricedLine;
import o2o.dining.TableSession;
import o2o.shared.Ids;
import o2o.tableorders.Diner;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables' shared carts ({@code cart_line}): every diner's addition is a row of its own, so additions at the same
 * moment never overwrite each other.
 */
@Repository
public class CartRepository {

    private static final String LINE_COLUMNS = """
            id, item_id, name, option_ids, quantity, note, added_by, customer_id, added_at
            """;

    private final JdbcClient jdbc;

    CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The session's cart, oldest first. */
    public List<CartLineRow> lines(UUID sessionId) {
        return jdbc.sql("select " + LINE_COLUMNS + " from cart_line where session_id = :s order by added_at, id")
                .param("s", sessionId).query(CartRepository::line).list();
    }

    public CartLineRow line(UUID sessionId, UUID lineId) {
        return jdbc.sql("select " + LINE_COLUMNS + " from cart_line where id = :id and session_id = :s")
                .param("id", lineId).param("s", sessionId).query(CartRepository::line).single();
    }

    /**
     * Adds the dish for the diner, or raises their line of the same dish with the same options, in one statement;
     * the line as it now stands, or empty when that would take it past 99.
     */
    public Optional<CartLineRow> add(TableSession session, Diner diner, PricedLine priced, @Nullable String note,
            Instant now) {
        var options = priced.optionIds().stream().sorted().toArray(UUID[]::new);
        return jdbc.sql("""
                        insert into cart_line (id, merchant_id, store_id, session_id, item_id, option_ids, quantity,
                                               note, added_by, customer_id, added_at, name)
                        values (:id, :m, :store, :s, :item, cast(:options as uuid[]), :quantity, :note, :by,
                                :customer, :now, :name)
                        on conflict (session_id, added_by, item_id, option_ids, merchant_id) do update
                            set quantity = cart_line.quantity + excluded.quantity,
                                note = coalesce(excluded.note, cart_line.note)
                            where cart_line.quantity + excluded.quantity <= 99
                        """ + "returning " + LINE_COLUMNS)
                .param("id", Ids.next()).param("m", session.merchantId()).param("store", session.storeId())
                .param("s", session.id()).param("item", priced.itemId()).param("options", options)
                .param("quantity", priced.quantity())
                .param("note", new SqlParameterValue(Types.VARCHAR, note))
                .param("by", diner.key())
                .param("customer", new SqlParameterValue(Types.OTHER, diner.customerId()))
                .param("now", utc(now)).param("name", priced.name())
                .query(CartRepository::line).optional();
    }

    /** False when the line is no longer in the session's cart. */
    public boolean changeQuantity(UUID sessionId, UUID lineId, int quantity) {
        return jdbc.sql("update cart_line set quantity = :q where id = :id and session_id = :s")
                .param("q", quantity).param("id", lineId).param("s", sessionId).update() == 1;
    }

    /** False when the line is no longer in the session's cart. */
    public boolean remove(UUID sessionId, UUID lineId) {
        return jdbc.sql("delete from cart_line where id = :id and session_id = :s")
                .param("id", lineId).param("s", sessionId).update() == 1;
    }

    /** The whole cart, taken in one statement, oldest first: a line another taker took first is not seen here. */
    public List<CartLineRow> takeAll(UUID sessionId) {
        return jdbc.sql("delete from cart_line where session_id = :s returning " + LINE_COLUMNS)
                .param("s", sessionId).query(CartRepository::line).list().stream()
                .sorted(Comparator.comparing(CartLineRow::addedAt).thenComparing(CartLineRow::id))
                .toList();
    }

    /** How many lines each of these sessions' carts holds (a session with none is left out). */
    public Map<UUID, Integer> sizes(UUID merchantId, UUID[] sessionIds) {
        var sizes = new HashMap<UUID, Integer>();
        jdbc.sql("""
                        select session_id, count(*) as lines from cart_line
                        where merchant_id = :m and session_id = any(cast(:s as uuid[])) group by session_id
                        """)
                .param("m", merchantId).param("s", sessionIds)
                .query(rs -> {
                    sizes.put(rs.getObject("session_id", UUID.class), rs.getInt("lines"));
                });
        return sizes;
    }

    private static CartLineRow line(ResultSet rs, int n) throws SQLException {
        return new CartLineRow(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
                rs.getString("name"), List.of((UUID[]) rs.getArray("option_ids").getArray()), rs.getInt("quantity"),
                rs.getString("note"), rs.getString("added_by"), rs.getObject("customer_id", UUID.class),
                rs.getObject("added_at", OffsetDateTime.class).toInstant());
    }
}
