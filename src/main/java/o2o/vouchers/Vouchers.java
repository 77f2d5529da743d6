package o2o.vouchers;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.deals.Deals;
import o2o.deals.RefundPolicy;
import o2o.identity.CustomerPrincipal;
import o2o.orders.Orders;
import o2o.shared.Problem;
import o2o.vouchers.persistence.VoucherRows;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for vouchers: the customer's list, refunds and expiry (issuing is on payment, by itself). */
@Service
public class Vouchers {

    private final VoucherRows rows;
    private final Deals deals;
    private final Orders orders;
    private final Clock clock;
    private final CompletionRecount recount;

    Vouchers(VoucherRows rows, Deals deals, Orders orders, Clock clock, CompletionRecount recount) {
        this.rows = rows;
        this.deals = deals;
        this.orders = orders;
        this.clock = clock;
        this.recount = recount;
    }

    @Transactional(readOnly = true)
    public List<Voucher> ofOrder(UUID orderId) {
        return rows.ofOrder(orderId);
    }

    @Transactional(readOnly = true)
    public List<Voucher> ofCustomer(CustomerPrincipal customer) {
        return rows.ofCustomer(customer.customerId());
    }

    /** The customer's own voucher; anybody else's is "not found". */
    @Transactional(readOnly = true)
    public Voucher ofCustomer(CustomerPrincipal customer, UUID voucherId) {
        return find(voucherId).filter(v -> v.customerId().equals(customer.customerId()))
                .orElseThrow(() -> Problem.notFound("voucher"));
    }

    @Transactional(readOnly = true)
    public Optional<Voucher> find(UUID voucherId) {
        return rows.find(voucherId);
    }

    /**
     * The customer refunds one unused voucher, if the deal allows it. Only an ISSUED voucher turns REFUNDED (one
     * conditional update), so a voucher redeemed a moment earlier is never refunded.
     */
    @Transactional
    public Voucher refund(CustomerPrincipal customer, UUID voucherId) {
        var voucher = ofCustomer(customer, voucherId);
        if (!deals.terms(voucher.dealId()).orElseThrow().refundPolicy().customerMayRefund()) {
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
        var due = rows.dueForExpiry(clock.instant(), limit);
        for (var voucher : due) {
            var policy = deals.terms(voucher.dealId()).orElseThrow().refundPolicy();
            settle(voucher, policy == RefundPolicy.AUTO_ON_EXPIRY ? Voucher.Status.REFUNDED
                    : Voucher.Status.EXPIRED);
        }
        return due.size();
    }

    /** ISSUED → REFUNDED (money back) or EXPIRED; then the order completes if nothing of it is left to use. */
    private boolean settle(Voucher voucher, Voucher.Status to) {
        if (!rows.settle(voucher.id(), to, clock.instant())) return false;
        if (to == Voucher.Status.REFUNDED && !voucher.price().isZero()) {
            orders.refund(voucher.orderId(), voucher.price(), "voucher:" + voucher.id());
        }
        completeIfUsedUp(voucher.orderId());
        return true;
    }

    /** No voucher of the order left to use and at least one used: the order is complete. */
    void completeIfUsedUp(UUID orderId) {
        completeIfUsedUp(orderId, rows.usage(orderId));
    }

    /**
     * The same, with the order's vouchers already counted (by the statement that used one). A count that finds some
     * still open was taken in its own snapshot, where another of them in use by a transaction not yet committed looks
     * open too: such an order is counted again a moment after this transaction commits ({@link CompletionRecount}).
     */
    void completeIfUsedUp(UUID orderId, VoucherRows.Usage usage) {
        if (usage.open() == 0) complete(orderId, usage);
        else recount.afterCommit(orderId);
    }

    private void complete(UUID orderId, VoucherRows.Usage usage) {
        if (usage.open() == 0 && usage.used() > 0) orders.complete(orderId);
    }
}
