package o2o.tableorders;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.coupons.Coupons;
import o2o.coupons.WalletCoupon;
import o2o.dining.DiningTable;
import o2o.dining.FloorPlan;
import o2o.dining.TableSession;
import o2o.dining.Tables;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.Loyalty;
import o2o.loyalty.PointsSpending;
import o2o.loyalty.Tier;
import o2o.loyalty.Tiers;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.Order;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.payments.Payments;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.tableorders.Bill.Split;
import o2o.tableorders.BillShare.Kind;
import o2o.wallet.StoredValue;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for a table's bill. Asking for it freezes the table's round items (no round goes out after that);
 * it is split whole, evenly or by items; each share is paid by one payer through one DINE_IN order, online from the
 * phone or at the counter; when every share is paid the bill is settled exactly once: the orders are completed and the
 * table is freed. Every change to a bill first locks the bill's row, so splitting, claiming, paying and settling of
 * one bill happen one after another while other tables go on in parallel.
 */
@Service
public class Bills {

    /** Ways a diner pays a share from the phone. */
    /** Stored value, points, or a gateway by name ({@code online}: the merchant's first). */
    public static final Set<String> METHODS = java.util.stream.Stream.concat(Orders.PAYABLE_BY.stream(),
            java.util.stream.Stream.of("points")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** Ways staff take a share's money at the counter. */
    public static final Set<String> COUNTER_METHODS = Set.of("CASH", "CARD");

    /** How long after it was settled the diners still find their bill at the table's code. */
    static final Duration SETTLED_SHOWN = Duration.ofHours(3);

    private static final String BILL_COLUMNS = """
            id, merchant_id, store_id, session_id, table_id, status, split, parts, subtotal_minor, currency,
            opened_at, settled_at
            """;

    private final JdbcClient jdbc;
    private final Tables tables;
    private final Orders orders;
    private final Tiers tiers;
    private final Loyalty loyalty;
    private final PointsSpending points;
    private final Coupons coupons;
    private final StoredValue storedValue;
    private final Payments payments;
    private final Clock clock;

    Bills(JdbcClient jdbc, Tables tables, Orders orders, Tiers tiers, Loyalty loyalty, PointsSpending points,
            Coupons coupons, StoredValue storedValue, Payments payments, Clock clock) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.orders = orders;
        this.tiers = tiers;
        this.loyalty = loyalty;
        this.points = points;
        this.coupons = coupons;
        this.storedValue = storedValue;
        this.payments = payments;
        this.clock = clock;
    }

    /** A paying diner's choices: method (sandbox, wallet, points), one of their coupons, points toward the rest. */
    public record Payment(String method, @Nullable UUID couponId, long pointsToUse) {

        public Payment {
            if (!METHODS.contains(method)) throw new InvalidInput("method", "online, a gateway, wallet or points");
            if (pointsToUse < 0) throw new InvalidInput("pointsToUse", "0 or more");
            if (method.equals("points") && pointsToUse > 0) {
                throw new InvalidInput("pointsToUse", "paying with points takes exactly what the share needs");
            }
        }
    }

    private record Row(UUID id, UUID merchantId, UUID storeId, UUID sessionId, UUID tableId, String status,
            @Nullable Split split, int parts, Money subtotal, Instant openedAt, @Nullable Instant settledAt) {}

    // ---- the diner's side, by the table's code

    /** The live table a code names, and its open session; 404 when the table is free. */
    @Transactional(readOnly = true)
    public TableSession openSession(String code) {
        var table = tables.byCode(code).orElseThrow(() -> Problem.notFound("table"));
        return tables.openSessionAt(table.id()).orElseThrow(() -> Problem.notFound("bill"));
    }

    /**
     * The bill of the table's open session, or — when the table has been freed meanwhile — the last bill settled there
     * in the past {@link #SETTLED_SHOWN} that this caller took part in (the session they were at, e.g. remembered by
     * the page, a round they ordered, or a share they paid), so the diners see it paid. 404 otherwise.
     */
    @Transactional(readOnly = true)
    public Bill forTable(String code, @Nullable UUID sessionId, @Nullable Diner diner) {
        var table = tables.byCode(code).orElseThrow(() -> Problem.notFound("table"));
        var open = tables.openSessionAt(table.id());
        if (open.isPresent()) return view(open.get());
        return jdbc.sql("select " + BILL_COLUMNS + """
                         from table_bill b where b.table_id = :t and b.status = 'SETTLED' and b.settled_at > :since
                          and (b.session_id = :session
                               or exists (select 1 from bill_share s where s.bill_id = b.id and s.payer_id = :customer)
                               or exists (select 1 from round_item i where i.session_id = b.session_id
                                          and i.added_by = :key))
                        order by b.settled_at desc limit 1
                        """)
                .param("t", table.id())
                .param("since", utc(clock.instant().minus(SETTLED_SHOWN)))
                .param("session", new SqlParameterValue(Types.OTHER, sessionId))
                .param("customer", new SqlParameterValue(Types.OTHER, diner == null ? null : diner.customerId()))
                .param("key", new SqlParameterValue(Types.VARCHAR, diner == null ? null : diner.key()))
                .query(Bills::row).optional().map(this::view)
                .orElseThrow(() -> Problem.notFound("bill"));
    }

    /** A diner asks for the bill: it opens (or the one already open is returned). */
    @Transactional
    public Bill ask(String code, String by) {
        return ask(openSession(code), by);
    }

    @Transactional
    public Bill split(String code, Split split, int parts) {
        var row = lockOpen(openSession(code));
        doSplit(row, split, parts, "split again at the table");
        return view(row.id());
    }

    /**
     * The diner claims round items into their share: all of them or none (409 {@code bill-item-taken} when another
     * share holds one); claiming their own again changes nothing. An item is claimed in one conditional statement,
     * so of diners claiming it at once one gets it.
     */
    @Transactional
    public Bill claim(String code, CustomerPrincipal customer, List<UUID> itemIds) {
        var items = distinct(itemIds);
        var row = lockOpen(openSession(code));
        if (row.split() != Split.ITEMS) throw new Problem(HttpStatus.CONFLICT, "bill-not-split-by-items",
                "the bill is not split by items");
        jdbc.sql("""
                        insert into bill_share (id, merchant_id, bill_id, kind, position, claimed_by, created_at)
                        values (:id, :m, :b, 'ITEMS', 0, :c, :now)
                        on conflict (bill_id, claimed_by) where kind = 'ITEMS' do nothing
                        """)
                .param("id", Ids.next()).param("m", row.merchantId()).param("b", row.id())
                .param("c", customer.customerId()).param("now", now()).update();
        var share = itemShare(row, customer.customerId()).orElseThrow();
        if (share[1] != null) throw shareTaken("your share is being paid; claim more after it is paid, or ask staff");
        int known = jdbc.sql("select count(*) from bill_item where bill_id = :b and round_item_id = any(:items)")
                .param("b", row.id()).param("items", items.toArray(UUID[]::new)).query(Integer.class).single();
        if (known != items.size()) throw Problem.notFound("item");
        int mine = jdbc.sql("""
                        select count(*) from bill_item
                        where bill_id = :b and round_item_id = any(:items) and share_id = :share
                        """)
                .param("b", row.id()).param("items", items.toArray(UUID[]::new)).param("share", share[0])
                .query(Integer.class).single();
        int claimed = jdbc.sql("""
                        update bill_item set share_id = :share
                        where bill_id = :b and round_item_id = any(:items) and share_id is null
                        """)
                .param("share", share[0]).param("b", row.id()).param("items", items.toArray(UUID[]::new)).update();
        if (mine + claimed != items.size()) {
            throw new Problem(HttpStatus.CONFLICT, "bill-item-taken", "another share already holds one of these items");
        }
        return view(row.id());
    }

    /** The diner gives back items of their own share while nobody is paying it. */
    @Transactional
    public Bill unclaim(String code, CustomerPrincipal customer, List<UUID> itemIds) {
        var items = distinct(itemIds);
        var row = lockOpen(openSession(code));
        var share = itemShare(row, customer.customerId()).orElseThrow(() -> Problem.notFound("share"));
        if (share[1] != null) throw shareTaken("your share is being paid");
        jdbc.sql("""
                        update bill_item set share_id = null
                        where bill_id = :b and share_id = :s and round_item_id = any(:items)
                        """)
                .param("b", row.id()).param("s", share[0]).param("items", items.toArray(UUID[]::new)).update();
        dropIfEmpty(share[0]);
        return view(row.id());
    }

    /** In an ITEMS split, gathers the items nobody claimed into one share, for somebody to pay. */
    @Transactional
    public Bill gatherRest(String code) {
        var row = lockOpen(openSession(code));
        if (row.split() != Split.ITEMS) throw new Problem(HttpStatus.CONFLICT, "bill-not-split-by-items",
                "the bill is not split by items");
        if (gatherRest(row) == null) throw Problem.conflict("bill-nothing-unclaimed", "every item is in a share");
        return view(row.id());
    }

    /** What paying this share would cost the diner, with their tier, the coupon and points they chose. */
    @Transactional
    public BillPreview preview(String code, CustomerPrincipal customer, UUID shareId, @Nullable UUID couponId,
            long pointsToUse) {
        if (pointsToUse < 0) throw new InvalidInput("pointsToUse", "0 or more");
        var session = openSession(code);
        var row = liveRow(session.id()).orElseThrow(() -> Problem.notFound("bill"));
        var share = share(row, shareId);
        return price(row, share, customer.customerId(), couponId, pointsToUse);
    }

    /**
     * The diner pays a share: its order is placed (member discount, coupon, points) and the payment started. The same
     * payer asking again (a double tap) gets the same order and payment; another payer gets 409
     * {@code bill-share-taken}.
     */
    @Transactional
    public SharePayment pay(String code, CustomerPrincipal customer, UUID shareId, Payment payment, String returnUrl) {
        var session = openSession(code);
        var row = lockOpen(session);
        var share = freeIfCancelled(row, share(row, shareId));
        boolean samePayer = customer.customerId().equals(share.payerId());
        if (share.state() == BillShare.State.PAID && !(samePayer && share.orderId() != null)) {
            throw Problem.conflict("bill-share-paid", "this share is paid");
        }
        if (share.orderId() != null) {
            if (!samePayer) throw shareTaken("somebody else is paying this share");
            var order = orders.find(share.orderId()).orElseThrow();
            // a repeat of a tap whose payment went through (stored value settles at once; the order is marked paid
            // just after): the same order, nothing new
            if (order.status() != OrderStatus.PENDING_PAYMENT || payment.method().equals("points")
                    || payments.succeeded(order.id()).isPresent()) {
                return new SharePayment(shareId, order.id(), order.status(), null);
            }
            var started = orders.pay(customer, order.id(), payment.method(), returnUrl);
            return new SharePayment(shareId, order.id(), order.status(), started.redirectUrl());
        }
        if (share.amount().isZero()) throw Problem.conflict("bill-share-empty", "this share has nothing to pay");
        long pointsToUse = payment.pointsToUse();
        if (payment.method().equals("points")) {
            var preview = price(row, share, customer.customerId(), payment.couponId(), 0);
            if (preview.pointsToCoverAll() == null) {
                throw Problem.conflict("bill-points-cannot-cover", "your points cannot pay all of this share");
            }
            pointsToUse = preview.pointsToCoverAll();
        }
        var order = orders.place(new NewOrder(row.merchantId(), row.storeId(), customer.customerId(), Channel.DINE_IN,
                lines(row, share), memberDiscount(customer.customerId(), row.merchantId(), share.amount()),
                payment.couponId(), pointsToUse));
        attach(share.id(), order.id(), customer.customerId());
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return new SharePayment(shareId, order.id(), order.status(), null);
        }
        if (payment.method().equals("points")) {
            throw Problem.conflict("bill-points-cannot-cover", "your points cannot pay all of this share");
        }
        var started = orders.pay(customer, order.id(), payment.method(), returnUrl);
        return new SharePayment(shareId, order.id(), order.status(), started.redirectUrl());
    }

    // ---- the staff's side, by table id

    /** The bill of the table's open session, for its floor staff; 404 for another merchant's or store's table. */
    @Transactional(readOnly = true)
    public Bill forStaff(StaffPrincipal staff, UUID tableId) {
        return view(staffSession(staff, tableId));
    }

    @Transactional
    public Bill askByStaff(StaffPrincipal staff, UUID tableId) {
        return ask(staffSession(staff, tableId), "staff:" + staff.staffId());
    }

    @Transactional
    public Bill splitByStaff(StaffPrincipal staff, UUID tableId, Split split, int parts) {
        var row = lockOpen(staffSession(staff, tableId));
        doSplit(row, split, parts, "split again by staff");
        return view(row.id());
    }

    /**
     * Staff reopen a bill nobody has paid anything of (orders started are cancelled): rounds may go out again, and
     * the next request for the bill freezes them anew. 409 {@code bill-partly-paid} once a share is paid.
     */
    @Transactional
    public Bill reopen(StaffPrincipal staff, UUID tableId) {
        var session = staffSession(staff, tableId);
        var row = lockOpen(session);
        cancelStartedOrders(row, "bill reopened by staff");
        jdbc.sql("update table_bill set status = 'REOPENED', reopened_at = :now where id = :id and status = 'OPEN'")
                .param("id", row.id()).param("now", now()).update();
        return view(session);
    }

    /**
     * Staff take one share's money at the counter: the payer's order is paid, or a walk-in order is placed for it
     * first; the bill settles when it was the last share. Settling a paid share again changes nothing.
     */
    @Transactional
    public Bill settleShareAtCounter(StaffPrincipal staff, UUID tableId, UUID shareId, String method) {
        counterMethod(method);
        var session = staffSession(staff, tableId);
        var row = lockLive(session);
        if (row.status().equals("OPEN")) {
            atCounter(row, share(row, shareId), method);
            settleIfPaid(row);
        } else {
            share(row, shareId);
        }
        return view(row.id());
    }

    /**
     * Staff take one share's money by a gateway's QR code that the payer scans at the counter (a walk-in order is placed
     * for it first); the share is paid, and the bill settles, when the gateway confirms. Returns the QR page.
     */
    @Transactional
    public String qrAtCounter(StaffPrincipal staff, UUID tableId, UUID shareId, String provider) {
        var session = staffSession(staff, tableId);
        var row = lockLive(session);
        if (!row.status().equals("OPEN")) throw Problem.conflict("bill-not-open", "this bill is not open");
        var share = freeIfCancelled(row, share(row, shareId));
        if (share.state() == BillShare.State.PAID) throw Problem.conflict("bill-share-paid", "this share is paid");
        if (share.amount().isZero()) throw Problem.conflict("bill-share-empty", "this share has nothing to pay");
        var orderId = orderOf(row, share);
        return orders.payByQrAtCounter(orderId, provider, "/merchant/tables/" + tableId + "/bill").redirectUrl();
    }

    /** Staff take the money of everything still unpaid at the counter (one share when it was never split). */
    @Transactional
    public Bill settleAtCounter(StaffPrincipal staff, UUID tableId, String method) {
        counterMethod(method);
        var session = staffSession(staff, tableId);
        if (liveRow(session.id()).isEmpty()) ask(session, "staff:" + staff.staffId());
        var row = lockLive(session);
        if (!row.status().equals("OPEN")) return view(row.id());
        if (row.split() == null) {
            doSplit(row, Split.WHOLE, 1, "settled at the counter");
            row = lockOpen(session);
        }
        if (row.split() == Split.ITEMS) gatherRest(row);
        for (var share : shares(row)) {
            if (share.state() != BillShare.State.PAID && !share.amount().isZero()) atCounter(row, share, method);
        }
        settleIfPaid(row);
        return view(row.id());
    }

    // ---- for the rounds and the reactions

    /**
     * Rounds may go out only while nobody has asked for the bill: 409 {@code bill-in-progress} otherwise. The caller
     * holds the session's round lock, which asking for the bill takes too, so a round and the bill never cross.
     */
    @Transactional(readOnly = true)
    public void requireNoBill(UUID sessionId) {
        if (liveRow(sessionId).isPresent()) {
            throw Problem.conflict("bill-in-progress", "the bill has been asked for; staff may reopen it");
        }
    }

    /** A share's order was paid (online, or at the counter by staff): the share is paid, the bill settles if done. */
    @Transactional
    public void orderPaid(UUID orderId) {
        var billId = billOfOrder(orderId);
        if (billId == null) return;
        var row = lockRow(billId);
        jdbc.sql("update bill_share set paid_at = :now where order_id = :o and paid_at is null")
                .param("o", orderId).param("now", now()).update();
        if (row.status().equals("OPEN")) settleIfPaid(row);
    }

    /** A share's order was cancelled unpaid (it timed out): the share is free for somebody to pay again. */
    @Transactional
    public void orderCancelled(UUID orderId) {
        var billId = billOfOrder(orderId);
        if (billId == null) return;
        lockRow(billId);
        jdbc.sql("update bill_share set order_id = null, payer_id = null where order_id = :o and paid_at is null")
                .param("o", orderId).update();
    }

    /**
     * Shares of an even split: the amount divided by the parts, the remainder going one minor unit each to the first
     * shares, so they add up exactly to the amount.
     */
    public static List<Money> evenShares(Money amount, int parts) {
        if (parts < 1) throw new InvalidInput("parts", "1 or more");
        long base = amount.minor() / parts;
        long remainder = amount.minor() % parts;
        var shares = new ArrayList<Money>(parts);
        for (int i = 0; i < parts; i++) shares.add(new Money(base + (i < remainder ? 1 : 0), amount.currency()));
        return shares;
    }

    // ---- internals

    private Bill ask(TableSession session, String by) {
        if (!session.open()) throw Problem.notFound("bill");
        lockSession(session.id());
        if (liveRow(session.id()).isEmpty()) {
            var id = Ids.next();
            int opened = jdbc.sql("""
                            insert into table_bill (id, merchant_id, store_id, session_id, table_id, status,
                                                    subtotal_minor, currency, opened_by, opened_at)
                            select :id, :m, :store, :s, :t, 'OPEN', sum(i.amount_minor), min(i.currency), :by, :now
                            from round_item i
                            where i.session_id = :s and i.merchant_id = :m and i.state <> 'VOIDED'
                            having sum(i.amount_minor) > 0
                            on conflict (session_id) where status in ('OPEN', 'SETTLED') do nothing
                            """)
                    .param("id", id).param("m", session.merchantId()).param("store", session.storeId())
                    .param("s", session.id()).param("t", session.tableId()).param("by", by).param("now", now())
                    .update();
            if (opened == 0 && liveRow(session.id()).isEmpty()) {
                throw Problem.conflict("bill-empty", "nothing has been ordered at this table yet");
            }
            if (opened == 1) {
                jdbc.sql("""
                                insert into bill_item (bill_id, round_item_id, merchant_id, item_id, round_number, name,
                                                       options, unit_price_minor, quantity, amount_minor)
                                select :b, i.id, i.merchant_id, i.item_id, r.number, i.name, i.options,
                                       i.unit_price_minor, i.quantity, i.amount_minor
                                from round_item i join table_round r on r.id = i.round_id
                                where i.session_id = :s and i.merchant_id = :m and i.state <> 'VOIDED'
                                """)
                        .param("b", id).param("s", session.id()).param("m", session.merchantId()).update();
            }
        }
        return view(session);
    }

    private void doSplit(Row row, Split split, int parts, String reason) {
        int n = switch (split) {
            case WHOLE, ITEMS -> 1;
            case EVEN -> parts;
        };
        if (n < 1 || n > 99) throw new InvalidInput("parts", "1 to 99");
        if (n > row.subtotal().minor()) throw new InvalidInput("parts", "at most " + row.subtotal().minor());
        cancelStartedOrders(row, reason);
        jdbc.sql("update bill_item set share_id = null where bill_id = :b").param("b", row.id()).update();
        jdbc.sql("delete from bill_share where bill_id = :b").param("b", row.id()).update();
        jdbc.sql("update table_bill set split = :split, parts = :parts where id = :b")
                .param("split", split.name()).param("parts", n).param("b", row.id()).update();
        if (split == Split.ITEMS) return;
        var amounts = evenShares(row.subtotal(), n);
        for (int i = 0; i < n; i++) {
            jdbc.sql("""
                            insert into bill_share (id, merchant_id, bill_id, kind, position, amount_minor, created_at)
                            values (:id, :m, :b, :kind, :pos, :amount, :now)
                            """)
                    .param("id", Ids.next()).param("m", row.merchantId()).param("b", row.id())
                    .param("kind", split == Split.WHOLE ? Kind.WHOLE.name() : Kind.EVEN.name())
                    .param("pos", i + 1).param("amount", amounts.get(i).minor()).param("now", now()).update();
        }
    }

    /** Cancels the orders of shares being paid; 409 {@code bill-partly-paid} when a share is (or just got) paid. */
    private void cancelStartedOrders(Row row, String reason) {
        for (var share : shares(row)) {
            if (share.state() == BillShare.State.PAID) throw partlyPaid();
            if (share.orderId() != null && !orders.cancelUnpaid(share.orderId(), reason)) {
                var order = orders.find(share.orderId()).orElseThrow();
                if (order.status() != OrderStatus.CANCELLED) throw partlyPaid();
            }
        }
    }

    /** The share of unclaimed items, or null when every item is claimed. */
    private @Nullable UUID gatherRest(Row row) {
        var id = Ids.next();
        jdbc.sql("""
                        insert into bill_share (id, merchant_id, bill_id, kind, position, created_at)
                        select :id, :m, :b, 'REST', 0, :now
                        where exists (select 1 from bill_item where bill_id = :b and share_id is null)
                        """)
                .param("id", id).param("m", row.merchantId()).param("b", row.id()).param("now", now()).update();
        int gathered = jdbc.sql("update bill_item set share_id = :s where bill_id = :b and share_id is null")
                .param("s", id).param("b", row.id()).update();
        return gathered == 0 ? null : id;
    }

    /** The diner's item share: its id and the order paying it (null while nobody pays it). */
    private Optional<UUID[]> itemShare(Row row, UUID customerId) {
        return jdbc.sql("select id, order_id from bill_share where bill_id = :b and claimed_by = :c and kind = 'ITEMS'")
                .param("b", row.id()).param("c", customerId)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional();
    }

    private void dropIfEmpty(UUID shareId) {
        jdbc.sql("""
                        delete from bill_share s where s.id = :s and s.order_id is null
                          and not exists (select 1 from bill_item i where i.share_id = s.id)
                        """)
                .param("s", shareId).update();
    }

    private void atCounter(Row row, BillShare unsettled, String method) {
        var share = freeIfCancelled(row, unsettled);
        if (share.state() == BillShare.State.PAID) return;
        orders.payAtCounter(orderOf(row, share), method);
        jdbc.sql("update bill_share set paid_at = :now where id = :s and paid_at is null")
                .param("s", share.id()).param("now", now()).update();
    }

    /** The share's order: its payer's, or a walk-in order placed for it now. */
    private UUID orderOf(Row row, BillShare share) {
        if (share.orderId() != null) return share.orderId();
        var walkIn = orders.place(new NewOrder(row.merchantId(), row.storeId(), null, Channel.DINE_IN,
                lines(row, share), Money.zero(row.subtotal().currency()), null, 0));
        attach(share.id(), walkIn.id(), null);
        return walkIn.id();
    }

    /** A share whose order was cancelled unpaid (the event that frees it may still be on its way) is free now. */
    private BillShare freeIfCancelled(Row row, BillShare share) {
        var orderId = share.orderId();
        if (orderId == null || share.state() == BillShare.State.PAID) return share;
        if (orders.find(orderId).map(Order::status).orElseThrow() != OrderStatus.CANCELLED) return share;
        jdbc.sql("update bill_share set order_id = null, payer_id = null where id = :s and order_id = :o")
                .param("s", share.id()).param("o", orderId).update();
        return share(row, share.id());
    }

    /** Settles the bill once every share is paid: exactly once, by one conditional update. */
    private void settleIfPaid(Row row) {
        int settled = jdbc.sql("""
                        update table_bill b set status = 'SETTLED', settled_at = :now
                        where b.id = :b and b.status = 'OPEN' and b.split is not null
                          and not exists (select 1 from bill_share s where s.bill_id = b.id and s.paid_at is null
                                          and s.kind in ('WHOLE', 'EVEN'))
                          and (b.split <> 'ITEMS' or not exists (
                                select 1 from bill_item i left join bill_share s on s.id = i.share_id
                                where i.bill_id = b.id and s.paid_at is null))
                        """)
                .param("b", row.id()).param("now", now()).update();
        if (settled == 0) return;
        for (var orderId : jdbc.sql("select order_id from bill_share where bill_id = :b and paid_at is not null")
                .param("b", row.id()).query(UUID.class).list()) {
            orders.complete(orderId);
        }
        tables.close(row.sessionId());
    }

    private void attach(UUID shareId, UUID orderId, @Nullable UUID payer) {
        int attached = jdbc.sql("""
                        update bill_share set order_id = :o, payer_id = :p where id = :s and order_id is null
                        """)
                .param("o", orderId).param("p", new SqlParameterValue(Types.OTHER, payer))
                .param("s", shareId).update();
        if (attached != 1) throw shareTaken("somebody else is paying this share");
    }

    private List<NewOrder.Line> lines(Row row, BillShare share) {
        if (share.kind() == Kind.EVEN) {
            var label = tables.table(row.tableId()).map(DiningTable::label).orElse("");
            return List.of(new NewOrder.Line(LineKind.SHARE, row.id(),
                    "桌台 " + label + " 的 " + share.position() + "/" + share.parts(), share.amount(), 1,
                    share.amount()));
        }
        var items = jdbc.sql("""
                        select item_id, name, options, unit_price_minor, quantity, amount_minor from bill_item
                        where bill_id = :b and (:whole or share_id = :s) order by round_number, round_item_id
                        """)
                .param("b", row.id()).param("whole", share.kind() == Kind.WHOLE).param("s", share.id())
                .query((rs, n) -> {
                    var options = List.of((String[]) rs.getArray("options").getArray());
                    var name = rs.getString("name");
                    var title = options.isEmpty() ? name : name + " (" + String.join(", ", options) + ")";
                    var unit = new Money(rs.getLong("unit_price_minor"), row.subtotal().currency());
                    return new NewOrder.Line(LineKind.DISH, rs.getObject("item_id", UUID.class), title, unit,
                            rs.getInt("quantity"), new Money(rs.getLong("amount_minor"), row.subtotal().currency()));
                })
                .list();
        if (items.isEmpty()) throw Problem.conflict("bill-share-empty", "this share has nothing to pay");
        return items;
    }

    /** The member's tier discount on the share, rounded down to the minor unit; zero for non-members. */
    private Money memberDiscount(UUID customerId, UUID merchantId, Money amount) {
        int percent = tiers.of(customerId, merchantId).map(Tier::discountPercent).orElse(0);
        return new Money(amount.minor() * percent / 100, amount.currency());
    }

    private BillPreview price(Row row, BillShare share, UUID customerId, @Nullable UUID couponId, long pointsToUse) {
        var amount = share.amount();
        var currency = amount.currency();
        var tier = tiers.of(customerId, row.merchantId());
        var member = memberDiscount(customerId, row.merchantId(), amount);
        var afterMember = amount.minus(member);
        var now = clock.instant();
        var usable = new ArrayList<BillPreview.Coupon>();
        for (WalletCoupon c : coupons.wallet(customerId)) {
            var terms = c.terms();
            if (c.status() != WalletCoupon.Status.AVAILABLE || !c.merchantId().equals(row.merchantId())) continue;
            if (!terms.storeIds().isEmpty() && !terms.storeIds().contains(row.storeId())) continue;
            if (now.isBefore(terms.validFrom()) || !now.isBefore(terms.validUntil())) continue;
            if (afterMember.compareTo(terms.minSpend()) < 0 || afterMember.isZero()) continue;
            usable.add(new BillPreview.Coupon(c.id(), c.title(), terms.discountOn(afterMember).min(afterMember)));
        }
        var couponDiscount = Money.zero(currency);
        if (couponId != null) {
            couponDiscount = usable.stream().filter(c -> c.id().equals(couponId)).findFirst()
                    .map(BillPreview.Coupon::discount)
                    .orElseThrow(() -> new InvalidInput("couponId", "not one of your coupons usable here"));
        }
        var payable = afterMember.minus(couponDiscount);
        var membership = loyalty.membership(customerId, row.merchantId());
        long balance = 0;
        long most = 0;
        Long coverAll = null;
        var pointsValue = Money.zero(currency);
        if (membership.isPresent()) {
            var rules = points.rules(membership.get().programId());
            balance = loyalty.balance(customerId, membership.get().programId());
            long affordable = balance - balance % rules.step();
            most = Math.min(rules.mostPointsFor(payable), affordable);
            long scaled = Math.multiplyExact(payable.minor(), rules.pointsPerYuanOff());
            if (payable.minor() > 0 && scaled % 100 == 0) {
                long needed = scaled / 100;
                boolean allowed = needed <= most && needed >= rules.minPointsPerUse() && needed % rules.step() == 0;
                if (allowed) coverAll = needed;
            }
            if (pointsToUse > 0) {
                if (pointsToUse > most) throw new InvalidInput("pointsToUse", "at most " + most + " points here");
                pointsValue = rules.valueOf(pointsToUse);
            }
        } else if (pointsToUse > 0) {
            throw new Problem(HttpStatus.CONFLICT, "not-a-member", "join the merchant's membership to use points");
        }
        var wallet = storedValue.hasWallet(customerId, row.merchantId())
                ? storedValue.balance(customerId, row.merchantId()).total() : Money.zero(currency);
        return new BillPreview(share.id(), amount, tier.map(Tier::name).orElse(null),
                tier.map(Tier::discountPercent).orElse(0), member, couponId, couponDiscount, pointsToUse, pointsValue,
                payable.minus(pointsValue), balance, most, coverAll, wallet, usable);
    }

    private TableSession staffSession(StaffPrincipal staff, UUID tableId) {
        var table = tables.table(tableId).filter(DiningTable::active)
                .filter(t -> staff.canActIn(t.merchantId(), t.storeId()))
                .orElseThrow(() -> Problem.notFound("table"));
        if (!FloorPlan.FLOOR.contains(staff.role())) throw Problem.forbidden("only floor staff settle bills");
        return tables.openSessionAt(table.id()).orElseThrow(() -> Problem.notFound("bill"));
    }

    private Bill view(TableSession session) {
        var row = liveRow(session.id());
        if (row.isPresent()) return view(row.get());
        var rounds = jdbc.sql("""
                        select i.id, r.number as round_number, i.name, i.options, i.unit_price_minor, i.quantity,
                               i.amount_minor, i.currency, null::uuid as share_id
                        from round_item i join table_round r on r.id = i.round_id
                        where i.session_id = :s and i.merchant_id = :m and i.state <> 'VOIDED'
                        order by r.number, i.id
                        """)
                .param("s", session.id()).param("m", session.merchantId())
                .query((rs, n) -> item(rs, Currency.getInstance(rs.getString("currency")))).list();
        var subtotal = Money.zero(rounds.isEmpty() ? Money.CNY : rounds.getFirst().amount().currency());
        for (var item : rounds) subtotal = subtotal.plus(item.amount());
        return new Bill(null, session.merchantId(), session.storeId(), session.id(), session.tableId(),
                Bill.Status.NOT_ASKED, null, subtotal, byRound(rounds), List.of(), subtotal, null, null);
    }

    private Bill view(UUID billId) {
        return view(rowOf(billId));
    }

    private Bill view(Row row) {
        var currency = row.subtotal().currency();
        var items = jdbc.sql("""
                        select round_item_id as id, round_number, name, options, unit_price_minor, quantity,
                               amount_minor, share_id
                        from bill_item where bill_id = :b order by round_number, round_item_id
                        """)
                .param("b", row.id()).query((rs, n) -> item(rs, currency)).list();
        var shares = shares(row);
        var unclaimed = Money.zero(currency);
        if (row.split() == null) unclaimed = row.subtotal();
        else if (row.split() == Split.ITEMS) {
            for (var item : items) if (item.shareId() == null) unclaimed = unclaimed.plus(item.amount());
        }
        var status = row.status().equals("SETTLED") ? Bill.Status.SETTLED : Bill.Status.OPEN;
        return new Bill(row.id(), row.merchantId(), row.storeId(), row.sessionId(), row.tableId(), status,
                row.split(), row.subtotal(), byRound(items), shares, unclaimed, row.openedAt(), row.settledAt());
    }

    private List<BillShare> shares(Row row) {
        var currency = row.subtotal().currency();
        var itemsByShare = new LinkedHashMap<UUID, List<UUID>>();
        jdbc.sql("select share_id, round_item_id from bill_item where bill_id = :b and share_id is not null "
                        + "order by round_number, round_item_id")
                .param("b", row.id())
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
                .param("b", row.id())
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    var orderId = rs.getObject("order_id", UUID.class);
                    var state = rs.getObject("paid_at") != null ? BillShare.State.PAID
                            : orderId != null ? BillShare.State.PAYING : BillShare.State.OPEN;
                    return new BillShare(id, Kind.valueOf(rs.getString("kind")), rs.getInt("position"), row.parts(),
                            new Money(rs.getLong("amount"), currency), rs.getObject("claimed_by", UUID.class), orderId,
                            rs.getObject("payer_id", UUID.class), state, itemsByShare.getOrDefault(id, List.of()));
                })
                .list();
    }

    private BillShare share(Row row, UUID shareId) {
        return shares(row).stream().filter(s -> s.id().equals(shareId)).findFirst()
                .orElseThrow(() -> Problem.notFound("share"));
    }

    private static List<Bill.Round> byRound(List<Bill.Item> items) {
        var rounds = new LinkedHashMap<Integer, List<Bill.Item>>();
        for (var item : items) rounds.computeIfAbsent(item.round(), k -> new ArrayList<>()).add(item);
        return rounds.entrySet().stream().map(e -> new Bill.Round(e.getKey(), e.getValue())).toList();
    }

    private static Bill.Item item(ResultSet rs, Currency currency) throws SQLException {
        return new Bill.Item(rs.getObject("id", UUID.class), rs.getInt("round_number"), rs.getString("name"),
                List.of((String[]) rs.getArray("options").getArray()),
                new Money(rs.getLong("unit_price_minor"), currency), rs.getInt("quantity"),
                new Money(rs.getLong("amount_minor"), currency), rs.getObject("share_id", UUID.class));
    }

    private Optional<Row> liveRow(UUID sessionId) {
        return jdbc.sql("select " + BILL_COLUMNS
                        + " from table_bill where session_id = :s and status in ('OPEN', 'SETTLED')")
                .param("s", sessionId).query(Bills::row).optional();
    }

    private Row rowOf(UUID billId) {
        return jdbc.sql("select " + BILL_COLUMNS + " from table_bill where id = :id")
                .param("id", billId).query(Bills::row).single();
    }

    private Row lockRow(UUID billId) {
        return jdbc.sql("select " + BILL_COLUMNS + " from table_bill where id = :id for update")
                .param("id", billId).query(Bills::row).single();
    }

    /** The session's live bill (open or settled), locked; 404 when nobody has asked for it. */
    private Row lockLive(TableSession session) {
        var id = liveRow(session.id()).orElseThrow(() -> Problem.notFound("bill")).id();
        return lockRow(id);
    }

    /** The session's open bill, locked; 409 {@code bill-not-open} once settled. */
    private Row lockOpen(TableSession session) {
        var row = lockLive(session);
        if (!row.status().equals("OPEN")) throw Problem.conflict("bill-not-open", "this bill is settled");
        return row;
    }

    private void lockSession(UUID sessionId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:space, :key)")
                .param("space", TableOrders.ROUND_LOCK).param("key", sessionId.hashCode())
                .query(Integer.class).single();
    }

    private @Nullable UUID billOfOrder(UUID orderId) {
        return jdbc.sql("select bill_id from bill_share where order_id = :o").param("o", orderId)
                .query(UUID.class).optional().orElse(null);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var split = rs.getString("split");
        var settled = rs.getObject("settled_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("store_id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("table_id", UUID.class), rs.getString("status"),
                split == null ? null : Split.valueOf(split), rs.getInt("parts"),
                new Money(rs.getLong("subtotal_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                settled == null ? null : settled.toInstant());
    }

    private static List<UUID> distinct(List<UUID> itemIds) {
        var items = itemIds.stream().distinct().toList();
        if (items.isEmpty() || items.size() > 200) throw new InvalidInput("itemIds", "1 to 200 items");
        return items;
    }

    private static void counterMethod(String method) {
        if (!COUNTER_METHODS.contains(method)) throw new InvalidInput("method", "CASH or CARD");
    }

    private static Problem shareTaken(String detail) {
        return Problem.conflict("bill-share-taken", detail);
    }

    private static Problem partlyPaid() {
        return Problem.conflict("bill-partly-paid", "part of this bill is paid");
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
