package o2o.vouchers;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import o2o.deals.Deals;
import o2o.identity.Customers;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.OrderPaid;
import o2o.orders.Orders;
import o2o.shared.Money;
import o2o.shared.web.PublicSite;
import o2o.vouchers.persistence.VoucherRows.NewVoucher;
import o2o.vouchers.persistence.VoucherRows;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A paid deal order becomes one voucher per unit, and the customer is told their codes. */
@Component
class VoucherIssuing {

    private final VoucherRows rows;
    private final Deals deals;
    private final Orders orders;
    private final Customers customers;
    private final Notifications notifications;
    private final MessageSource messages;
    private final PublicSite site;
    private final Clock clock;

    VoucherIssuing(VoucherRows rows, Deals deals, Orders orders, Customers customers, Notifications notifications,
            MessageSource messages, PublicSite site, Clock clock) {
        this.rows = rows;
        this.deals = deals;
        this.orders = orders;
        this.customers = customers;
        this.notifications = notifications;
        this.messages = messages;
        this.site = site;
        this.clock = clock;
    }

    /**
     * One voucher per unit of the order's deal line, each carrying its share of what was paid (the remainder of an
     * uneven split goes to the first units, so the shares add up to the total). Safe to run twice for one order.
     */
    @Transactional
    List<Voucher> issueFor(OrderPaid paid) {
        if (paid.channel() != Channel.DEAL) return List.of();
        var line = orders.lines(paid.orderId().value()).stream().filter(l -> l.kind() == LineKind.DEAL).findFirst();
        if (line.isEmpty()) return List.of();
        var dealId = line.get().refId();
        var terms = deals.terms(dealId).orElseThrow();
        var shares = shares(paid.total(), line.get().quantity());
        int issued = 0;
        for (int unit = 1; unit <= shares.size(); unit++) {
            while (true) {
                var voucher = new NewVoucher(paid.merchantId().value(), paid.orderId().value(), unit,
                        paid.customerId().value(), dealId, terms.title(), VoucherCode.random(),
                        shares.get(unit - 1), terms.validFrom(), terms.validUntil());
                if (rows.issue(voucher, clock.instant())) {
                    issued++;
                    break;
                }
                if (rows.unitIssued(paid.orderId().value(), unit)) break; // issued before: a redelivered event
                // otherwise the random code collided with another of this merchant's codes: draw again
            }
        }
        var vouchers = rows.ofOrder(paid.orderId().value());
        if (issued > 0) tellIssued(paid, terms.title(), vouchers);
        return vouchers;
    }

    /** {@code total} split into {@code units} shares that differ by at most one fen, the larger ones first. */
    static List<Money> shares(Money total, int units) {
        long base = total.minor() / units;
        long remainder = total.minor() % units;
        return IntStream.rangeClosed(1, units)
                .mapToObj(unit -> new Money(base + (unit <= remainder ? 1 : 0), total.currency()))
                .toList();
    }

    /** The codes themselves and the link to their QR codes, so the customer can use them straight from the SMS. */
    private void tellIssued(OrderPaid paid, String title, List<Voucher> vouchers) {
        var kind = MessageKind.VOUCHERS_ISSUED;
        var codes = String.join("、", vouchers.stream().map(v -> v.code().value()).toList());
        var params = kind.params(title, vouchers.size(), codes, site.link("/me/vouchers?order={order}", paid.orderId().value()));
        var text = messages.getMessage("sms.vouchers-issued", params.values().toArray(), Locale.SIMPLIFIED_CHINESE);
        customers.phoneOf(paid.customerId().value()).ifPresent(phone -> notifications.sms(phone, kind, params, text));
        notifications.inApp(paid.customerId().value(), kind, text);
    }
}
