package o2o.coupons;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.coupons.persistence.CouponTemplates;
import o2o.coupons.persistence.WalletCoupons;
import o2o.identity.StaffPrincipal;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. Claiming takes one from the template's quantity and one from the customer's allowance, each in one
 * conditional statement, so neither is exceeded however many claim at once. At checkout a coupon is reserved for the
 * order, used when it is paid, and released when it is cancelled.
 */
@Service
public class Coupons {

    private final CouponTemplates templates;
    private final WalletCoupons coupons;
    private final MallCouponDues dues;
    private final Clock clock;

    Coupons(CouponTemplates templates, WalletCoupons coupons, MallCouponDues dues, Clock clock) {
        this.templates = templates;
        this.coupons = coupons;
        this.dues = dues;
        this.clock = clock;
    }

    @Transactional
    public CouponTemplate issue(StaffPrincipal staff, CouponTerms terms, Set<UUID> merchantStoreIds) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers issue coupons");
        }
        if (!merchantStoreIds.containsAll(terms.storeIds())) throw Problem.notFound("store");
        var id = Ids.next();
        templates.insert(id, staff.merchantId(), terms, clock.instant());
        return template(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<CouponTemplate> template(UUID templateId) {
        return templates.find(templateId);
    }

    @Transactional(readOnly = true)
    public List<CouponTemplate> templatesOf(UUID merchantId) {
        return templates.ofMerchant(merchantId);
    }

    /**
     * Templates a customer can claim now at this merchant (optionally: that apply at this store): its own, and the
     * coupons of a mall it is an eligible tenant of.
     */
    @Transactional(readOnly = true)
    public List<CouponTemplate> claimable(MerchantId merchant, @Nullable StoreId store) {
        return templates.claimable(merchant.value(), store == null ? null : store.value(), clock.instant());
    }

    @Transactional
    public WalletCoupon claim(CustomerId customer, UUID templateId) {
        var customerId = customer.value();
        var template = template(templateId).orElseThrow(() -> Problem.notFound("coupon"));
        var now = clock.instant();
        if (!template.givesOutAt(now)) throw CouponRefusals.notClaimable("this coupon can no longer be claimed");
        if (!coupons.countClaim(templateId, customerId, template.terms().perCustomerLimit())) {
            throw CouponRefusals.limitReached();
        }
        if (!templates.takeOne(templateId)) throw CouponRefusals.soldOut("all of these have been claimed");
        var id = Ids.next();
        coupons.insert(id, templateId, template.merchantId(), customerId, now);
        return coupon(customer, id).orElseThrow();
    }

    /**
     * Puts a coupon of this template into the customer's wallet without the claim rules (the per-customer limit):
     * for coupons given in exchange for something, e.g. points. It still takes one from the template's quantity, in
     * one conditional statement. Idempotent by reference: the coupon's id is derived from it, so a second grant with
     * the same reference (even a racing one, which waits on the primary key) returns the first coupon.
     */
    @Transactional
    public WalletCoupon grant(UUID templateId, CustomerId customer, String reference) {
        var customerId = customer.value();
        var template = template(templateId).orElseThrow(() -> Problem.notFound("coupon"));
        var id = UUID.nameUUIDFromBytes(("coupon-grant:" + templateId + ":" + customerId + ":" + reference)
                .getBytes(StandardCharsets.UTF_8));
        var now = clock.instant();
        if (!coupons.insert(id, templateId, template.merchantId(), customerId, now)) {
            return coupon(customer, id).orElseThrow(() -> Problem.notFound("coupon"));
        }
        if (!template.givesOutAt(now)) throw CouponRefusals.notClaimable("this coupon can no longer be given out");
        if (!templates.takeOne(templateId)) throw CouponRefusals.soldOut("all of these have been given out");
        return coupon(customer, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<WalletCoupon> wallet(UUID customerId) {
        return coupons.ofCustomer(customerId);
    }

    @Transactional(readOnly = true)
    public Optional<WalletCoupon> coupon(CustomerId customer, UUID couponId) {
        return coupons.find(customer.value(), couponId);
    }

    /**
     * Holds the customer's coupon for an order and says what it takes off. Fails if it is not theirs, not
     * available, not for this merchant or these stores, not valid now, or the subtotal is below its minimum.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Money reserve(UUID couponId, CustomerId customerId, MerchantId merchantId, Set<UUID> storeIds,
            Money subtotal, OrderId orderId) {
        var coupon = coupon(customerId, couponId).orElseThrow(() -> Problem.notFound("coupon"));
        var discount = coupon.discountFor(merchantId.value(), storeIds, subtotal, clock.instant());
        if (!coupons.reserve(couponId, customerId.value(), orderId.value(), merchantId.value(), discount.minor())) {
            throw WalletCoupon.alreadyHeld();
        }
        return discount;
    }

    /**
     * The order was paid: its coupon is spent. A mall coupon's discount is then owed by the mall to the merchant
     * of the order, posted to the ledger once ({@code mall-coupon:<coupon id>}); the same statement that spends
     * the coupon says so, so a merchant's own coupon costs nothing more.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consume(UUID couponId, OrderId orderId) {
        coupons.use(couponId, orderId.value(), clock.instant()).ifPresent(due -> dues.owe(couponId, due));
    }

    /**
     * Part or all of the paid order the coupon was spent on was refunded (once per reference): the coupon stays
     * spent, as any coupon does, and for a mall coupon the mall no longer owes the refunded share of its discount
     * (this refund's part of the order's total; the rest once the order is refunded in full).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refunded(UUID couponId, OrderId orderId, Money amount, Money orderTotal, boolean whole,
            String reference) {
        coupons.returnDue(couponId, orderId.value(), amount.minor(), orderTotal.minor(), whole)
                .ifPresent(share -> dues.giveBack(couponId, reference, share));
    }

    /** The order was cancelled unpaid: the coupon goes back to the wallet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID couponId, OrderId orderId) {
        coupons.release(couponId, orderId.value());
    }
}
