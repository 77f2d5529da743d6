package o2o.tableorders;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import o2o.dining.DiningTable;
import o2o.dining.FloorPlan;
import o2o.dining.TableSession;
import o2o.dining.Tables;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.orders.Orders;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.tableorders.Bill.Split;
import o2o.tableorders.persistence.BillRepository;
import org.jspecify.annotations.Nullable;
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

    /** Stored value, points, or a gateway by name ({@code online}: the merchant's first). */
    public static final Set<String> METHODS = Stream.concat(Orders.PAYABLE_BY.stream(), Stream.of("points"))
            .collect(Collectors.toUnmodifiableSet());
    /** Ways staff take a share's money at the counter. */
    public static final Set<String> COUNTER_METHODS = Stream.of(CounterMethod.values()).map(CounterMethod::name)
            .collect(Collectors.toUnmodifiableSet());

    /** How long after it was settled the diners still find their bill at the table's code. */
    static final Duration SETTLED_SHOWN = Duration.ofHours(3);

    private final Tables tables;
    private final BillRepository bills;
    private final BillViews views;
    private final BillOpening opening;
    private final BillSplitting splitting;
    private final ItemClaims claims;
    private final SharePricing pricing;
    private final SharePayments payments;
    private final CounterPayments counter;
    private final BillSettlement settlement;
    private final Clock clock;

    Bills(Tables tables, BillRepository bills, BillViews views, BillOpening opening, BillSplitting splitting,
            ItemClaims claims, SharePricing pricing, SharePayments payments, CounterPayments counter,
            BillSettlement settlement, Clock clock) {
        this.tables = tables;
        this.bills = bills;
        this.views = views;
        this.opening = opening;
        this.splitting = splitting;
        this.claims = claims;
        this.pricing = pricing;
        this.payments = payments;
        this.counter = counter;
        this.settlement = settlement;
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

        boolean byPoints() {
            return method.equals("points");
        }
    }

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
        if (open.isPresent()) return views.of(open.get());
        return bills.settledWith(table.id(), clock.instant().minus(SETTLED_SHOWN), sessionId, diner).map(views::of)
                .orElseThrow(() -> Problem.notFound("bill"));
    }

    /** A diner asks for the bill: it opens (or the one already open is returned). */
    @Transactional
    public Bill ask(String code, String by) {
        return opening.ask(openSession(code), by);
    }

    @Transactional
    public Bill split(String code, Split split, int parts) {
        var bill = lockOpen(openSession(code));
        splitting.split(bill, split, parts, "split again at the table");
        return views.of(bill.id());
    }

    /**
     * The diner claims round items into their share: all of them or none (409 {@code bill-item-taken} when another
     * share holds one); claiming their own again changes nothing.
     */
    @Transactional
    public Bill claim(String code, CustomerPrincipal customer, List<UUID> itemIds) {
        var items = ItemClaims.distinct(itemIds);
        var bill = lockOpen(openSession(code));
        claims.claim(bill, customer.customerId(), items);
        return views.of(bill.id());
    }

    /** The diner gives back items of their own share while nobody is paying it. */
    @Transactional
    public Bill unclaim(String code, CustomerPrincipal customer, List<UUID> itemIds) {
        var items = ItemClaims.distinct(itemIds);
        var bill = lockOpen(openSession(code));
        claims.unclaim(bill, customer.customerId(), items);
        return views.of(bill.id());
    }

    /** In an ITEMS split, gathers the items nobody claimed into one share, for somebody to pay. */
    @Transactional
    public Bill gatherRest(String code) {
        var bill = lockOpen(openSession(code));
        bill.requireSplitByItems();
        if (splitting.gatherRest(bill).isEmpty()) {
            throw Problem.conflict("bill-nothing-unclaimed", "every item is in a share");
        }
        return views.of(bill.id());
    }

    /** What paying this share would cost the diner, with their tier, the coupon and points they chose. */
    @Transactional
    public BillPreview preview(String code, CustomerPrincipal customer, UUID shareId, @Nullable UUID couponId,
            long pointsToUse) {
        if (pointsToUse < 0) throw new InvalidInput("pointsToUse", "0 or more");
        var session = openSession(code);
        var bill = bills.live(session.id()).orElseThrow(() -> Problem.notFound("bill"));
        return pricing.price(bill, views.share(bill, shareId), customer.customerId(), couponId, pointsToUse);
    }

    /**
     * The diner pays a share: its order is placed (member discount, coupon, points) and the payment started. The same
     * payer asking again (a double tap) gets the same order and payment; another payer gets 409
     * {@code bill-share-taken}.
     */
    @Transactional
    public SharePayment pay(String code, CustomerPrincipal customer, UUID shareId, Payment payment, String returnUrl) {
        var bill = lockOpen(openSession(code));
        return payments.pay(bill, views.share(bill, shareId), customer, payment, returnUrl);
    }

    // ---- the staff's side, by table id

    /** The bill of the table's open session, for its floor staff; 404 for another merchant's or store's table. */
    @Transactional(readOnly = true)
    public Bill forStaff(StaffPrincipal staff, UUID tableId) {
        return views.of(staffSession(staff, tableId));
    }

    /**
     * The bill of the table's open session, for its floor staff; empty while the table has no open session (nobody
     * seated, so nothing to bill yet). 404 for another merchant's or store's table, 403 for staff off the floor.
     */
    @Transactional(readOnly = true)
    public Optional<Bill> forStaffIfSeated(StaffPrincipal staff, UUID tableId) {
        var table = tables.table(tableId).filter(DiningTable::active)
                .filter(t -> staff.canActIn(new MerchantId(t.merchantId()), new StoreId(t.storeId())));
        if (table.isEmpty()) {
            if (tables.openSessionAt(tableId).isPresent()) throw Problem.notFound("table");
            return Optional.empty();
        }
        requireFloor(staff);
        return tables.openSessionAt(tableId).map(views::of);
    }

    @Transactional
    public Bill askByStaff(StaffPrincipal staff, UUID tableId) {
        return opening.ask(staffSession(staff, tableId), "staff:" + staff.staffId());
    }

    @Transactional
    public Bill splitByStaff(StaffPrincipal staff, UUID tableId, Split split, int parts) {
        var bill = lockOpen(staffSession(staff, tableId));
        splitting.split(bill, split, parts, "split again by staff");
        return views.of(bill.id());
    }

    /**
     * Staff reopen a bill nobody has paid anything of (orders started are cancelled): rounds may go out again, and
     * the next request for the bill freezes them anew. 409 {@code bill-partly-paid} once a share is paid.
     */
    @Transactional
    public Bill reopen(StaffPrincipal staff, UUID tableId) {
        var session = staffSession(staff, tableId);
        var bill = lockOpen(session);
        splitting.cancelStartedOrders(bill, "bill reopened by staff");
        bills.reopen(bill.reopen(), clock.instant());
        return views.of(session);
    }

    /**
     * Staff take one share's money at the counter: the payer's order is paid, or a walk-in order is placed for it
     * first; the bill settles when it was the last share. Settling a paid share again changes nothing.
     */
    @Transactional
    public Bill settleShareAtCounter(StaffPrincipal staff, UUID tableId, UUID shareId, String method) {
        var by = CounterMethod.of(method);
        var bill = lockLive(staffSession(staff, tableId));
        counter.settleShare(bill, shareId, by);
        return views.of(bill.id());
    }

    /**
     * Staff take one share's money by a gateway's QR code that the payer scans at the counter (a walk-in order is placed
     * for it first); the share is paid, and the bill settles, when the gateway confirms. Returns the QR page.
     */
    @Transactional
    public String qrAtCounter(StaffPrincipal staff, UUID tableId, UUID shareId, String provider) {
        var bill = lockLive(staffSession(staff, tableId));
        return counter.qr(bill, shareId, provider, "/merchant/tables/" + tableId + "/bill");
    }

    /** Staff take the money of everything still unpaid at the counter (one share when it was never split). */
    @Transactional
    public Bill settleAtCounter(StaffPrincipal staff, UUID tableId, String method) {
        var by = CounterMethod.of(method);
        var session = staffSession(staff, tableId);
        if (bills.live(session.id()).isEmpty()) opening.ask(session, "staff:" + staff.staffId());
        var bill = lockLive(session);
        if (bill.open()) counter.settleAll(bill, by);
        return views.of(bill.id());
    }

    // ---- for the rounds and the reactions

    /**
     * Rounds may go out only while nobody has asked for the bill: 409 {@code bill-in-progress} otherwise. The caller
     * holds the session's round lock, which asking for the bill takes too, so a round and the bill never cross.
     */
    @Transactional(readOnly = true)
    public void requireNoBill(UUID sessionId) {
        opening.requireNoBill(sessionId);
    }

    /** A share's order was paid (online, or at the counter by staff): the share is paid, the bill settles if done. */
    @Transactional
    public void orderPaid(UUID orderId) {
        settlement.orderPaid(orderId);
    }

    /** A share's order was cancelled unpaid (it timed out): the share is free for somebody to pay again. */
    @Transactional
    public void orderCancelled(UUID orderId) {
        settlement.orderCancelled(orderId);
    }

    /**
     * Shares of an even split: the amount divided by the parts, the remainder going one minor unit each to the first
     * shares, so they add up exactly to the amount.
     */
    public static List<Money> evenShares(Money amount, int parts) {
        return EvenSplit.shares(amount, parts);
    }

    private TableSession staffSession(StaffPrincipal staff, UUID tableId) {
        var table = tables.table(tableId).filter(DiningTable::active)
                .filter(t -> staff.canActIn(new MerchantId(t.merchantId()), new StoreId(t.storeId())))
                .orElseThrow(() -> Problem.notFound("table"));
        requireFloor(staff);
        return tables.openSessionAt(table.id()).orElseThrow(() -> Problem.notFound("bill"));
    }

    private static void requireFloor(StaffPrincipal staff) {
        if (!FloorPlan.FLOOR.contains(staff.role())) throw Problem.forbidden("only floor staff settle bills");
    }

    /** The session's live bill (open or settled), locked; 404 when nobody has asked for it. */
    private TableBill lockLive(TableSession session) {
        return bills.lockLive(session.id()).orElseThrow(() -> Problem.notFound("bill"));
    }

    /** The session's open bill, locked; 409 {@code bill-not-open} once settled. */
    private TableBill lockOpen(TableSession session) {
        return lockLive(session).requireOpen();
    }
}
