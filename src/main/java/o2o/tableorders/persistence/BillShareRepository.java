package o2o.tableorders.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.tableorders.BillShare;
import o2o.tableorders.BillShare.Kind;
import o2o.tableorders.TableBill;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shares of the bills ({@code bill_share}). A share is PAYING while it has an order and PAID once it has a
 * {@code paid_at}; each move is one conditional update.
 */
@Repository
public class BillShareRepository {

    private final JdbcClient jdbc;

    BillShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bill's shares: the fixed and item shares by position, then the rest; each with its items. */
    public List<BillShare> of(TableBill bill) {
        var currency = bill.subtotal().currency();
        var itemsByShare = new LinkedHashMap<UUID, List<UUID>>();
        jdbc.sql("select share_id, round_item_id from bill_item where bill_id = :b and share_id is not null "
                        + "order by round_number, round_item_id")
                .param("b", bill.id())
                .query((rs, n) -> itemsByShare.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return jdbc.sql("""
                        select s.id, s.kind, s.position, s.claimed_by, s.order_id, s.payer_id, s.paid_at,
                               coalesce(s.amount_minor, (select coalesce(sum(i.amount_minor), 0) from bill_item i
                                                         where i.share_id = s.id)) as amount
                        from bill_share s where s.bill_id = :b
                        order by case s.kind when 'REST' then 1 else 0 end, s.position, s.created_at, s.id
                        """)
                .param("b", bill.id())
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    var orderId = rs.getObject("order_id", UUID.class);
                    var state = rs.getObject("paid_at") != null ? BillShare.State.PAID
                            : orderId != null ? BillShare.State.PAYING : BillShare.State.OPEN;
                    return new BillShare(id, Kind.valueOf(rs.getString("kind")), rs.getInt("position"), bill.parts(),
                            new Money(rs.getLong("amount"), currency), rs.getObject("claimed_by", UUID.class), orderId,
                            rs.getObject("payer_id", UUID.class), state, itemsByShare.getOrDefault(id, List.of()));
                })
                .list();
    }

    /** The shares a WHOLE or EVEN split makes, numbered from 1. */
    public void addFixed(TableBill bill, Kind kind, List<Money> amounts, Instant now) {
        for (int i = 0; i < amounts.size(); i++) {
            jdbc.sql("""
                            insert into bill_share (id, merchant_id, bill_id, kind, position, amount_minor, created_at)
                            values (:id, :m, :b, :kind, :pos, :amount, :now)
                            """)
                    .param("id", Ids.next()).param("m", bill.merchantId()).param("b", bill.id())
                    .param("kind", kind.name()).param("pos", i + 1).param("amount", amounts.get(i).minor())
                    .param("now", utc(now)).update();
        }
    }

    /** The diner's item share, made now if they had none: one per diner and bill. */
    public ItemShare itemShareOf(TableBill bill, UUID customerId, Instant now) {
        jdbc.sql("""
                        insert into bill_share (id, merchant_id, bill_id, kind, position, claimed_by, created_at)
                        values (:id, :m, :b, 'ITEMS', 0, :c, :now)
                        on conflict (bill_id, claimed_by, merchant_id) where kind = 'ITEMS' do nothing
                        """)
                .param("id", Ids.next()).param("m", bill.merchantId()).param("b", bill.id())
                .param("c", customerId).param("now", utc(now)).update();
        return findItemShare(bill, customerId).orElseThrow();
    }

    public Optional<ItemShare> findItemShare(TableBill bill, UUID customerId) {
        return jdbc.sql("select id, order_id from bill_share where bill_id = :b and claimed_by = :c and kind = 'ITEMS'")
                .param("b", bill.id()).param("c", customerId)
                .query((rs, n) -> new ItemShare(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class)))
                .optional();
    }

    /** A REST share, made only when some item is unclaimed; its id either way (it holds nothing when not made). */
    public UUID addRest(TableBill bill, Instant now) {
        var id = Ids.next();
        jdbc.sql("""
                        insert into bill_share (id, merchant_id, bill_id, kind, position, created_at)
                        select :id, :m, :b, 'REST', 0, :now
                        where exists (select 1 from bill_item where bill_id = :b and share_id is null)
                        """)
                .param("id", id).param("m", bill.merchantId()).param("b", bill.id()).param("now", utc(now)).update();
        return id;
    }

    /** An item share nobody pays goes once it holds no item. */
    public void dropIfEmpty(UUID shareId) {
        jdbc.sql("""
                        delete from bill_share s where s.id = :s and s.order_id is null
                          and not exists (select 1 from bill_item i where i.share_id = s.id)
                        """)
                .param("s", shareId).update();
    }

    public void removeAll(TableBill bill) {
        jdbc.sql("delete from bill_share where bill_id = :b").param("b", bill.id()).update();
    }

    /** OPEN → PAYING: false when another payer's order got there first. */
    public boolean attach(BillShare paying) {
        return jdbc.sql("update bill_share set order_id = :o, payer_id = :p where id = :s and order_id is null")
                .param("o", paying.orderId()).param("p", new SqlParameterValue(Types.OTHER, paying.payerId()))
                .param("s", paying.id()).update() == 1;
    }

    /** PAYING → PAID, once. */
    public void paid(BillShare share, Instant now) {
        jdbc.sql("update bill_share set paid_at = :now where id = :s and paid_at is null")
                .param("s", share.id()).param("now", utc(now)).update();
    }

    /** The share this order pays is PAID, once. */
    public void paidBy(UUID orderId, Instant now) {
        jdbc.sql("update bill_share set paid_at = :now where order_id = :o and paid_at is null")
                .param("o", orderId).param("now", utc(now)).update();
    }

    /** PAYING → OPEN, when it is still this order that pays it. */
    public void free(UUID shareId, UUID orderId) {
        jdbc.sql("update bill_share set order_id = null, payer_id = null where id = :s and order_id = :o")
                .param("s", shareId).param("o", orderId).update();
    }

    /** The share this order pays is OPEN again, unless it was paid. */
    public void freeOf(UUID orderId) {
        jdbc.sql("update bill_share set order_id = null, payer_id = null where order_id = :o and paid_at is null")
                .param("o", orderId).update();
    }

    public Optional<UUID> billOf(UUID orderId) {
        return jdbc.sql("select bill_id from bill_share where order_id = :o").param("o", orderId)
                .query(UUID.class).optional();
    }

    /** The orders that paid the bill's shares. */
    public List<UUID> paidOrders(TableBill bill) {
        return jdbc.sql("select order_id from bill_share where bill_id = :b and paid_at is not null")
                .param("b", bill.id()).query(UUID.class).list();
    }
}
