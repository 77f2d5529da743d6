package o2o.insights;

import java.time.Instant;
import java.time.LocalDate;

import o2o.insights.persistence.AppliedFacts;
import o2o.insights.persistence.Rollups;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds each fact to the rollups once: the fact is recorded in {@code insights_applied_fact} in the same transaction,
 * and only the delivery that recorded it adds anything.
 */
@Component
class Projections {

    /** The fact of a paid order, keyed by its id: also what {@link InsightsImport} records for a past sale. */
    static final String PAID = "paid";

    private final AppliedFacts facts;
    private final Rollups rollups;
    private final Sales sales;

    Projections(AppliedFacts facts, Rollups rollups, Sales sales) {
        this.facts = facts;
        this.rollups = rollups;
        this.sales = sales;
    }

    /**
     * A paid order: a sale (its store, hour, items and customer). A top-up order buys stored value, not goods: the
     * wallet tells of that sale ({@link #storedValueSold}), at the counter and online alike.
     */
    @Transactional
    public void paid(OrderId orderId, MerchantId merchantId, @Nullable CustomerId customerId, boolean topUp,
            Money total, Instant at) {
        if (topUp || !facts.firstTime(PAID, orderId.value().toString())) return;
        var merchant = merchantId.value();
        var day = dayOf(at);
        var sale = sales.of(orderId).orElse(null);
        if (sale == null) return;
        rollups.addSale(merchant, sale.storeId(), sale.city(), sale.channel().name(), day, at.atZone(Period.ZONE)
                .getHour(), total.minor(), sale.discountMinor());
        rollups.addItems(merchant, sale.storeId(), day, sale.items());
        if (customerId != null) rollups.addCustomerOrder(merchant, customerId.value(), day);
    }

    /** Part of a paid sale went back: it counts against its channel and store on the day of the refund. */
    @Transactional
    public void refunded(OrderId orderId, MerchantId merchantId, String reference, Money amount, Instant at) {
        var sale = sales.of(orderId);
        if (sale.isEmpty()) return;
        if (!facts.firstTime("refund", orderId.value() + ":" + reference)) return;
        rollups.addRefund(merchantId.value(), sale.get().storeId(), sale.get().city(), sale.get().channel().name(),
                dayOf(at), amount.minor());
    }

    @Transactional
    public void redeemed(String redemptionId, MerchantId merchantId, StoreId storeId, Instant at) {
        if (facts.firstTime("redemption", redemptionId)) {
            rollups.addRedemption(merchantId.value(), storeId.value(), dayOf(at));
        }
    }

    @Transactional
    public void joined(MerchantId merchantId, CustomerId customerId, Instant at) {
        if (facts.firstTime("member", merchantId.value() + ":" + customerId.value())) {
            rollups.addMember(merchantId.value(), dayOf(at));
        }
    }

    @Transactional
    public void storedValueSold(MerchantId merchantId, String reference, Money paid, Instant at) {
        if (facts.firstTime("stored-value-sold", reference)) {
            rollups.addStoredValue(merchantId.value(), dayOf(at), paid.minor(), 0);
        }
    }

    @Transactional
    public void storedValueSpent(MerchantId merchantId, String reference, Money amount, Instant at) {
        if (facts.firstTime("stored-value-spent", reference)) {
            rollups.addStoredValue(merchantId.value(), dayOf(at), 0, amount.minor());
        }
    }

    @Transactional
    public void pointsEarned(MerchantId merchantId, String reference, long points, Instant at) {
        if (facts.firstTime("points-earned", reference)) rollups.addPoints(merchantId.value(), dayOf(at), points, 0);
    }

    @Transactional
    public void pointsSpent(MerchantId merchantId, String reference, long points, Instant at) {
        if (facts.firstTime("points-spent", reference)) rollups.addPoints(merchantId.value(), dayOf(at), 0, points);
    }

    @Transactional
    public void merchantApproved(MerchantId merchantId, String name) {
        rollups.nameMerchant(merchantId.value(), name);
    }

    static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, Period.ZONE);
    }
}
