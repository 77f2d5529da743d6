package o2o.vouchers;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import o2o.deals.Deals;
import o2o.deals.RefundPolicy;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.OrderPaid;
import o2o.orders.Orders;
import o2o.shared.Ids;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.web.PublicSite;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for vouchers: issuing on payment, the customer's list, refunds and expiry. */
@Service
public class Vouchers {

    static final String COLUMNS = """
            v.id, v.merchant_id, v.order_id, v.customer_id, v.deal_id, v.deal_title, v.code, v.status, v.price_minor,
            v.currency, v.valid_from, v.valid_until, v.issued_at, v.redeemed_at, v.redeemed_store_id
            """;

    private final JdbcClient jdbc;
    private final Deals deals;
    private final Orders orders;
    private final Customers customers;
    private final Notifications notifications;
    private final MessageSource messages;
    private final PublicSite site;
    private final Clock clock;

    Vouchers(JdbcClient jdbc, Deals deals, Orders orders, Customers customers, Notifications notifications,
            MessageSource messages, PublicSite site, Clock clock) {
        this.jdbc = jdbc;
        this.deals = deals;
        this.orders = orders;
        this.customers = customers;
        this.notifications = notifications;
        this.messages = messages;
        this.site = site;
        this.clock = clock;
    }

    /**
     * One voucher per unit of a paid deal order, each carrying its share of what was paid (the remainder of an uneven
     * split goes to the first units, so the shares add up to the total). Safe to run twice for one order.
     */
    @Transactional
    public List<Voucher> issueFor(OrderPaid paid) {
        if (paid.channel() != Channel.DEAL) return List.of();
        var line = orders.lines(paid.orderId()).stream().filter(l -> l.kind() == LineKind.DEAL).findFirst();
        if (line.isEmpty()) return List.of();
        var deal = deals.find(line.get().refId()).orElseThrow();
        int quantity = line.get().quantity();
        long base = paid.total().minor() / quantity;
        long remainder = paid.total().minor() % quantity;
        int issued = 0;
        for (int unit = 1; unit <= quantity; unit++) {
            var price = base + (unit <= remainder ? 1 : 0);
            while (true) {
                int inserted = jdbc.sql("""
                                insert into voucher (id, merchant_id, order_id, unit_no, customer_id, deal_id,
                                    deal_title, code, status, price_minor, currency, valid_from, valid_until, issued_at)
                                values (:id, :merchant, :order, :unit, :customer, :deal, :title, :code, 'ISSUED',
                                    :price, :currency, :from, :until, :now)
                                on conflict do nothing
                                """)
                        .param("id", Ids.next())
                        .param("merchant", paid.merchantId())
                        .param("order", paid.orderId())
                        .param("unit", unit)
                        .param("customer", paid.customerId())
                        .param("deal", deal.id())
                        .param("title", deal.terms().title())
                        .param("code", VoucherCode.random().value())
                        .param("price", price)
                        .param("currency", paid.total().currency().getCurrencyCode())
                        .param("from", utc(deal.terms().validFrom()))
                        .param("until", utc(deal.terms().validUntil()))
                        .param("now", utc(clock.instant()))
                        .update();
                if (inserted == 1) {
                    issued++;
                    break;
                }
                boolean unitExists = jdbc.sql("select count(*) from voucher where order_id = :order and unit_no = :unit")
                        .param("order", paid.orderId())
                        .param("unit", unit)
                        .query(Long.class)
                        .single() > 0;
                if (unitExists) break; // issued before: a redelivered event
                // otherwise the random code collided with another of this merchant's codes: draw again
            }
        }
        var vouchers = ofOrder(paid.orderId());
        if (issued > 0) tellIssued(paid, deal.terms().title(), vouchers);
        return vouchers;
    }

    /** The codes themselves and the link to their QR codes, so the customer can use them straight from the SMS. */
    private void tellIssued(OrderPaid paid, String title, List<Voucher> vouchers) {
        var kind = MessageKind.VOUCHERS_ISSUED;
        var codes = String.join("、", vouchers.stream().map(v -> v.code().value()).toList());
        var params = kind.params(title, vouchers.size(), codes, site.link("/me/vouchers?order={order}", paid.orderId()));
        var text = messages.getMessage("sms.vouchers-issued", params.values().toArray(), Locale.SIMPLIFIED_CHINESE);
        customers.phoneOf(paid.customerId()).ifPresent(phone -> notifications.sms(phone, kind, params, text));
        notifications.inApp(paid.customerId(), kind, text);
    }

    @Transactional(readOnly = true)
    public List<Voucher> ofOrder(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from voucher v where v.order_id = :order order by v.unit_no")
                .param("order", orderId)
                .query(Vouchers::voucher)
                .list();
    }

    @Transactional(readOnly = true)
    public List<Voucher> ofCustomer(CustomerPrincipal customer) {
        return jdbc.sql("select " + COLUMNS + """
                         from voucher v where v.customer_id = :customer order by v.issued_at desc, v.unit_no limit 200
                        """)
                .param("customer", customer.customerId())
                .query(Vouchers::voucher)
                .list();
    }

    /** The customer's own voucher; anybody else's is "not found". */
    @Transactional(readOnly = true)
    public Voucher ofCustomer(CustomerPrincipal customer, UUID voucherId) {
        return find(voucherId).filter(v -> v.customerId().equals(customer.customerId()))
                .orElseThrow(() -> Problem.notFound("voucher"));
    }

    @Transactional(readOnly = true)
    public Optional<Voucher> find(UUID voucherId) {
        return jdbc.sql("select " + COLUMNS + " from voucher v where v.id = :id")
                .param("id", voucherId)
                .query(Vouchers::voucher)
                .optional();
    }

    /**
     * The customer refunds one unused voucher, if the deal allows it. Only an ISSUED voucher turns REFUNDED (one
     * conditional update), so a voucher redeemed a moment earlier is never refunded.
     */
    @Transactional
    public Voucher refund(CustomerPrincipal customer, UUID voucherId) {
        var voucher = ofCustomer(customer, voucherId);
        var deal = deals.find(voucher.dealId()).orElseThrow();
        if (!deal.terms().refundPolicy().customerMayRefund()) {
            throw new Problem(HttpStatus.CONFLICT, "voucher-not-refundable", "this deal was sold without refunds");
        }
        if (!settle(voucher, Voucher.Status.REFUNDED)) {
            throw new Problem(HttpStatus.CONFLICT, "voucher-not-refundable",
                    "only unused vouchers can be refunded; this one is " + find(voucherId).orElseThrow().status());
        }
        return find(voucherId).orElseThrow();
    }

    /** Vouchers past their validity: refunded where the deal says so, otherwise expired. */
    @Transactional
    public int expireDue(int limit) {
        var due = jdbc.sql("select " + COLUMNS + """
                         from voucher v where v.status = 'ISSUED' and v.valid_until <= :now
                        order by v.valid_until limit :limit for update skip locked
                        """)
                .param("now", utc(clock.instant()))
                .param("limit", limit)
                .query(Vouchers::voucher)
                .list();
        for (var voucher : due) {
            var policy = deals.find(voucher.dealId()).orElseThrow().terms().refundPolicy();
            settle(voucher, policy == RefundPolicy.AUTO_ON_EXPIRY ? Voucher.Status.REFUNDED
                    : Voucher.Status.EXPIRED);
        }
        return due.size();
    }

    /** ISSUED → REFUNDED (money back) or EXPIRED; then the order completes if nothing of it is left to use. */
    private boolean settle(Voucher voucher, Voucher.Status to) {
        var column = to == Voucher.Status.REFUNDED ? "refunded_at" : "expired_at";
        int changed = jdbc.sql("update voucher set status = :to, " + column + " = :now where id = :id and status = 'ISSUED'")
                .param("to", to.name())
                .param("now", utc(clock.instant()))
                .param("id", voucher.id())
                .update();
        if (changed == 0) return false;
        if (to == Voucher.Status.REFUNDED && !voucher.price().isZero()) {
            orders.refund(voucher.orderId(), voucher.price(), "voucher:" + voucher.id());
        }
        completeIfUsedUp(voucher.orderId());
        return true;
    }

    /** No voucher of the order left to use and at least one used: the order is complete. */
    void completeIfUsedUp(UUID orderId) {
        var counts = jdbc.sql("""
                        select count(*) filter (where status = 'ISSUED') as open,
                               count(*) filter (where status in ('REDEEMED', 'EXPIRED')) as used
                        from voucher where order_id = :order
                        """)
                .param("order", orderId)
                .query((rs, row) -> new long[] {rs.getLong("open"), rs.getLong("used")})
                .single();
        if (counts[0] == 0 && counts[1] > 0) orders.complete(orderId);
    }


    static Voucher voucher(ResultSet rs, int row) throws SQLException {
        var redeemed = rs.getObject("redeemed_at", OffsetDateTime.class);
        return new Voucher(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("order_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("deal_id", UUID.class), rs.getString("deal_title"), new VoucherCode(rs.getString("code")),
                Voucher.Status.valueOf(rs.getString("status")),
                new Money(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                rs.getObject("valid_until", OffsetDateTime.class).toInstant(),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                redeemed == null ? null : redeemed.toInstant(), rs.getObject("redeemed_store_id", UUID.class));
    }
}
