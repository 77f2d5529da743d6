package o2o.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.campaigns.persistence.AttributionRows;
import o2o.campaigns.persistence.CouponLinkRows;
import o2o.campaigns.persistence.ScanRows;
import o2o.coupons.Coupons;
import o2o.coupons.WalletCoupon;
import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attributes each fact once: gathers what {@link Attribution#decide} weighs (the campaign of the coupon used, the
 * table's tracking code, the customer's recent scans at the fact's merchant) and writes the projection's row, keyed
 * by the fact so that a second delivery of its event writes nothing.
 */
@Service
class Attributing {

    private final AttributionRows rows;
    private final CouponLinkRows couponLinks;
    private final ScanRows scans;
    private final Orders orders;
    private final Coupons coupons;

    Attributing(AttributionRows rows, CouponLinkRows couponLinks, ScanRows scans, Orders orders, Coupons coupons) {
        this.rows = rows;
        this.couponLinks = couponLinks;
        this.scans = scans;
        this.orders = orders;
        this.coupons = coupons;
    }

    /** A paid order; a walk-in's (no customer) is organic. */
    @Transactional
    void order(OrderId orderId, @Nullable CustomerId customer, Money total, Instant at) {
        var order = orders.find(orderId.value()).orElseThrow();
        rows.insertOnce(orderFact(order, customer, total, at));
    }

    /** Part of a paid order went back: the order's campaign loses it. */
    @Transactional
    void refund(OrderId orderId, Money amount, String reference, Instant at) {
        var order = orders.find(orderId.value()).orElseThrow();
        var attributed = rows.ofOrder(orderId.value()).orElseGet(() -> {
            var paid = orderFact(order, order.customerId(), order.total(),
                    order.paidAt() != null ? order.paidAt() : order.createdAt());
            rows.insertOnce(paid);
            return new AttributionRows.OrderAttribution(paid.attribution(), paid.storeId(), paid.orderChannel());
        });
        rows.insertOnce(new AttributedFact(FactKind.REFUND, orderId.value() + ":" + reference,
                order.merchantId().value(), idOf(order.customerId()), attributed.attribution(), -amount.minor(), 0,
                amount.currency(), orderId.value(), attributed.orderChannel(), attributed.storeId(), at));
    }

    /** A voucher used in a store: the coupon of its order, else the customer's scans before it. */
    @Transactional
    void redemption(UUID redemptionId, OrderId orderId, MerchantId merchant, StoreId store,
            CustomerId customer, Instant at) {
        var order = orders.find(orderId.value()).orElseThrow();
        var attribution = decide(merchant, customer, order.couponId(), null, at);
        rows.insertOnce(new AttributedFact(FactKind.REDEMPTION, redemptionId.toString(), merchant.value(),
                customer.value(), attribution, 0, 0, order.total().currency(), orderId.value(),
                order.channel().name(), store.value(), at));
    }

    /** A customer became a member: once per customer and merchant. */
    @Transactional
    void membership(MerchantId merchant, CustomerId customer, Instant at) {
        rows.insertOnce(new AttributedFact(FactKind.MEMBERSHIP, merchant.value() + ":" + customer.value(),
                merchant.value(), customer.value(), decide(merchant, customer, null, null, at), 0, 0, Money.CNY,
                null, null, null, at));
    }

    /**
     * A diner scanned a table's QR. Its tracking code, when it is one of the merchant's, counts as a scan of that
     * code (recorded once, under the table scan's id) and the visit is the code's campaign's; a code of another
     * merchant, or none, leaves the visit to the customer's scans, or organic.
     */
    @Transactional
    void tableVisit(UUID scanId, MerchantId merchant, StoreId store, @Nullable String src,
            @Nullable CustomerId customer, String dinerKey, Instant at) {
        var code = src == null ? null : rows.codeOf(merchant.value(), src, at).orElse(null);
        if (code != null) {
            scans.recordOnce(scanId, merchant.value(), src, visitorOf(dinerKey), idOf(customer), at);
        }
        var attribution = code != null || customer != null
                ? Attribution.decide(null, code, customer == null ? List.of()
                        : rows.recentScans(merchant.value(), customer.value(), at), at)
                : Attribution.ORGANIC;
        rows.insertOnce(new AttributedFact(FactKind.TABLE_VISIT, scanId.toString(), merchant.value(), idOf(customer),
                attribution, 0, 0, Money.CNY, null, null, store.value(), at));
    }

    private AttributedFact orderFact(Order order, @Nullable CustomerId customer, Money total, Instant at) {
        var attribution = customer == null ? Attribution.ORGANIC
                : decide(order.merchantId(), customer, order.couponId(), null, at);
        return new AttributedFact(FactKind.ORDER, order.id().value().toString(), order.merchantId().value(),
                idOf(customer), attribution, total.minor(), order.discount().minor() + order.pointsValue().minor(),
                total.currency(), order.id().value(), order.channel().name(),
                order.storeId() == null ? null : order.storeId().value(), at);
    }

    private Attribution decide(MerchantId merchant, CustomerId customer, @Nullable UUID couponId,
            @Nullable RecentScan tableCode, Instant at) {
        var couponCampaign = couponId == null ? null : coupons.coupon(customer, couponId)
                .map(WalletCoupon::templateId)
                .flatMap(template -> couponLinks.campaignOf(merchant.value(), template))
                .orElse(null);
        return Attribution.decide(couponCampaign, tableCode, rows.recentScans(merchant.value(), customer.value(), at),
                at);
    }

    /** A diner's key as a visitor id: the same diner is the same visitor. */
    static UUID visitorOf(String dinerKey) {
        return UUID.nameUUIDFromBytes(("table-diner:" + dinerKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static @Nullable UUID idOf(@Nullable CustomerId customer) {
        return customer == null ? null : customer.value();
    }
}
