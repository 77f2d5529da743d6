package o2o.tableorders.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.dining.TableSession;
import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.tableorders.Bill;
import o2o.tableorders.Bill.Split;
import o2o.tableorders.Diner;
import o2o.tableorders.TableBill;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bills ({@code table_bill}) and the round items each one froze ({@code bill_item}). */
@Repository
public class BillRepository {

    private static final String BILL_COLUMNS = """
            id, merchant_id, store_id, session_id, table_id, status, split, parts, subtotal_minor, currency,
            opened_at, settled_at
            """;

    private final JdbcClient jdbc;

    BillRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The session's live bill: open or settled (a reopened one is history). */
    public Optional<TableBill> live(UUID sessionId) {
        return jdbc.sql("select " + BILL_COLUMNS
                        + " from table_bill where session_id = :s and status in ('OPEN', 'SETTLED')")
                .param("s", sessionId).query(BillRepository::bill).optional();
    }

    public TableBill get(UUID billId) {
        return jdbc.sql("select " + BILL_COLUMNS + " from table_bill where id = :id")
                .param("id", billId).query(BillRepository::bill).single();
    }

    /** The bill, its row locked until the transaction ends: changes to one bill happen one after another. */
    public TableBill lock(UUID billId) {
        return jdbc.sql("select " + BILL_COLUMNS + " from table_bill where id = :id for update")
                .param("id", billId).query(BillRepository::bill).single();
    }

    /**
     * The last bill settled at the table since then that this caller took part in: the session they were at, a share
     * they paid, or a round item they added.
     */
    public Optional<TableBill> settledWith(UUID tableId, Instant since, @Nullable UUID sessionId,
            @Nullable Diner diner) {
        return jdbc.sql("select " + BILL_COLUMNS + """
                         from table_bill b where b.table_id = :t and b.status = 'SETTLED' and b.settled_at > :since
                          and (b.session_id = :session
                               or exists (select 1 from bill_share s where s.bill_id = b.id and s.payer_id = :customer)
                               or exists (select 1 from round_item i where i.session_id = b.session_id
                                          and i.added_by = :key))
                        order by b.settled_at desc limit 1
                        """)
                .param("t", tableId)
                .param("since", utc(since))
                .param("session", new SqlParameterValue(Types.OTHER, sessionId))
                .param("customer", new SqlParameterValue(Types.OTHER, diner == null ? null : diner.customerId()))
                .param("key", new SqlParameterValue(Types.VARCHAR, diner == null ? null : diner.key()))
                .query(BillRepository::bill).optional();
    }

    /**
     * Opens the session's bill over what it ordered (not voided), and freezes those items into it; false when the
     * session has a live bill already or nothing to charge.
     */
    public boolean open(TableSession session, String by, Instant now) {
        var id = Ids.next();
        int opened = jdbc.sql("""
                        insert into table_bill (id, merchant_id, store_id, session_id, table_id, status,
                                                subtotal_minor, currency, opened_by, opened_at)
                        select :id, :m, :store, :s, :t, 'OPEN', sum(i.amount_minor), min(i.currency), :by, :now
                        from round_item i
                        where i.session_id = :s and i.merchant_id = :m and i.state <> 'VOIDED'
                        having sum(i.amount_minor) > 0
                        on conflict (session_id, merchant_id) where status in ('OPEN', 'SETTLED') do nothing
                        """)
                .param("id", id).param("m", session.merchantId()).param("store", session.storeId())
                .param("s", session.id()).param("t", session.tableId()).param("by", by).param("now", utc(now))
                .update();
        if (opened == 0) return false;
        jdbc.sql("""
                        insert into bill_item (bill_id, round_item_id, merchant_id, item_id, round_number, name,
                                               options, unit_price_minor, quantity, amount_minor)
                        select :b, i.id, i.merchant_id, i.item_id, r.number, i.name, i.options,
                               i.unit_price_minor, i.quantity, i.amount_minor
                        from round_item i join table_round r on r.id = i.round_id
                        where i.session_id = :s and i.merchant_id = :m and i.state <> 'VOIDED'
                        """)
                .param("b", id).param("s", session.id()).param("m", session.merchantId()).update();
        return true;
    }

    /** What the session's bill would charge if asked for now: its round items, not voided. */
    public List<Bill.Item> unbilled(TableSession session) {
        return jdbc.sql("""
                        select i.id, r.number as round_number, i.name, i.options, i.unit_price_minor, i.quantity,
                               i.amount_minor, i.currency, null::uuid as share_id
                        from round_item i join table_round r on r.id = i.round_id
                        where i.session_id = :s and i.merchant_id = :m and i.state <> 'VOIDED'
                        order by r.number, i.id
                        """)
                .param("s", session.id()).param("m", session.merchantId())
                .query((rs, n) -> item(rs, Currency.getInstance(rs.getString("currency")))).list();
    }

    /** The bill's items in round order, each with the share that claimed it. */
    public List<Bill.Item> items(TableBill bill) {
        return jdbc.sql("""
                        select round_item_id as id, round_number, name, options, unit_price_minor, quantity,
                               amount_minor, share_id
                        from bill_item where bill_id = :b order by round_number, round_item_id
                        """)
                .param("b", bill.id()).query((rs, n) -> item(rs, bill.subtotal().currency())).list();
    }

    /** The items a share charges (all of them for the WHOLE share), as the order paying it lists them. */
    public List<ChargedItem> charged(TableBill bill, UUID shareId, boolean whole) {
        var currency = bill.subtotal().currency();
        return jdbc.sql("""
                        select item_id, name, options, unit_price_minor, quantity, amount_minor from bill_item
                        where bill_id = :b and (:whole or share_id = :s) order by round_number, round_item_id
                        """)
                .param("b", bill.id()).param("whole", whole).param("s", shareId)
                .query((rs, n) -> new ChargedItem(rs.getObject("item_id", UUID.class), rs.getString("name"),
                        options(rs), new Money(rs.getLong("unit_price_minor"), currency), rs.getInt("quantity"),
                        new Money(rs.getLong("amount_minor"), currency)))
                .list();
    }

    /** The session's live bill, locked; empty when nobody has asked for it. */
    public Optional<TableBill> lockLive(UUID sessionId) {
        return live(sessionId).map(bill -> lock(bill.id()));
    }

    /** Every item of the bill back out of its share, before a new split. */
    public void clearClaims(TableBill bill) {
        jdbc.sql("update bill_item set share_id = null where bill_id = :b").param("b", bill.id()).update();
    }

    public void splitAs(TableBill bill, Split split, int parts) {
        jdbc.sql("update table_bill set split = :split, parts = :parts where id = :b")
                .param("split", split.name()).param("parts", parts).param("b", bill.id()).update();
    }

    /** How many of these items are the bill's, and how many of those this share holds. */
    public ItemCount count(TableBill bill, List<UUID> items, UUID shareId) {
        return jdbc.sql("""
                        select count(*) as known, count(*) filter (where share_id = :share) as mine from bill_item
                        where bill_id = :b and round_item_id = any(:items)
                        """)
                .param("b", bill.id()).param("items", items.toArray(UUID[]::new)).param("share", shareId)
                .query((rs, n) -> new ItemCount(rs.getInt("known"), rs.getInt("mine"))).single();
    }

    /** Of these items, those nobody holds go to the share, in one statement; how many it took. */
    public int claim(TableBill bill, List<UUID> items, UUID shareId) {
        return jdbc.sql("""
                        update bill_item set share_id = :share
                        where bill_id = :b and round_item_id = any(:items) and share_id is null
                        """)
                .param("share", shareId).param("b", bill.id()).param("items", items.toArray(UUID[]::new)).update();
    }

    public void unclaim(TableBill bill, List<UUID> items, UUID shareId) {
        jdbc.sql("""
                        update bill_item set share_id = null
                        where bill_id = :b and share_id = :s and round_item_id = any(:items)
                        """)
                .param("b", bill.id()).param("s", shareId).param("items", items.toArray(UUID[]::new)).update();
    }

    /** Puts every item nobody claimed into the share; how many it took. */
    public int gatherUnclaimed(TableBill bill, UUID shareId) {
        return jdbc.sql("update bill_item set share_id = :s where bill_id = :b and share_id is null")
                .param("s", shareId).param("b", bill.id()).update();
    }

    public void reopen(TableBill reopened, Instant now) {
        jdbc.sql("update table_bill set status = 'REOPENED', reopened_at = :now where id = :id and status = 'OPEN'")
                .param("id", reopened.id()).param("now", utc(now)).update();
    }

    /**
     * Settles the bill when every share is paid (every fixed share; every item's share in an ITEMS split): exactly
     * once, by one conditional update. False when something is unpaid, or it was settled already.
     */
    public boolean settleIfPaid(TableBill settled) {
        return jdbc.sql("""
                        update table_bill b set status = 'SETTLED', settled_at = :now
                        where b.id = :b and b.status = 'OPEN' and b.split is not null
                          and not exists (select 1 from bill_share s where s.bill_id = b.id and s.paid_at is null
                                          and s.kind in ('WHOLE', 'EVEN'))
                          and (b.split <> 'ITEMS' or not exists (
                                select 1 from bill_item i left join bill_share s on s.id = i.share_id
                                where i.bill_id = b.id and s.paid_at is null))
                        """)
                .param("b", settled.id()).param("now", utc(settled.settledAt())).update() == 1;
    }

    private static Bill.Item item(ResultSet rs, Currency currency) throws SQLException {
        return new Bill.Item(rs.getObject("id", UUID.class), rs.getInt("round_number"), rs.getString("name"),
                options(rs), new Money(rs.getLong("unit_price_minor"), currency), rs.getInt("quantity"),
                new Money(rs.getLong("amount_minor"), currency), rs.getObject("share_id", UUID.class));
    }

    private static List<String> options(ResultSet rs) throws SQLException {
        return List.of((String[]) rs.getArray("options").getArray());
    }

    private static TableBill bill(ResultSet rs, int n) throws SQLException {
        var split = rs.getString("split");
        var settled = rs.getObject("settled_at", OffsetDateTime.class);
        return new TableBill(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("table_id", UUID.class), TableBill.Status.valueOf(rs.getString("status")),
                split == null ? null : Split.valueOf(split), rs.getInt("parts"),
                new Money(rs.getLong("subtotal_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                settled == null ? null : settled.toInstant());
    }
}
