package o2o.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.campaigns.persistence.AttributionRows;
import o2o.campaigns.persistence.CouponLinkRows;
import o2o.campaigns.persistence.PendingAttributions.PendingFact;
import o2o.campaigns.persistence.ScanRows;
import o2o.coupons.Coupons;
import o2o.coupons.WalletCoupon;
import o2o.loyalty.PointsProgram;
import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attributes each fact once: gathers what {@link Attribution#decide} weighs (the campaign of the coupon used, the
 * table's tracking code, the customer's recent scans at the fact's merchant) and writes the projection's row, keyed
 * by the fact so that a second delivery of its event writes nothing.
 */
@Service
class Attributing {

    private static final Logger log = LoggerFactory.getLogger(Attributing.class);

    private final AttributionRows rows;
    private final CouponLinkRows couponLinks;
    private final ScanRows scans;
    private final Orders orders;
    private final Coupons coupons;
    private final PointsProgram groups;

    Attributing(AttributionRows rows, CouponLinkRows couponLinks, ScanRows scans, Orders orders, Coupons coupons,
            PointsProgram groups) {
        this.rows = rows;
        this.couponLinks = couponLinks;
        this.scans = scans;
        this.orders = orders;
        this.coupons = coupons;
        this.groups = groups;
    }

    /**
     * A batch of facts heard ({@link AttributionDrain}): what decides them is read for the whole batch (the orders in
     * one read, the customers' recent scans in one statement) and the rows are written in one statement; refunds
     * and reversed redemptions follow, as the orders and redemptions they reduce may be in the same batch.
     */
    @Transactional
    void attributeAll(List<PendingFact> facts) {
        var byId = new HashMap<OrderId, Order>();
        for (var order : orders.findAll(facts.stream().map(PendingFact::orderId).filter(Objects::nonNull)
                .map(OrderId::new).collect(Collectors.toSet()))) {
            byId.put(order.id(), order);
        }
        var weighed = facts.stream().filter(f -> f.kind() != FactKind.REFUND && f.customerId() != null).toList();
        var owners = groups.groupOwnersOf(weighed.stream().map(f -> new MerchantId(f.merchantId())).toList());
        var answers = rows.recentScansOfAll(weighed.stream().map(f -> new AttributionRows.ScansAsked(f.merchantId(),
                f.customerId(), f.at(), idOf(owners.get(new MerchantId(f.merchantId()))))).toList());
        var scansOf = new HashMap<PendingFact, List<RecentScan>>();
        for (int i = 0; i < weighed.size(); i++) scansOf.put(weighed.get(i), answers.get(i));
        var decided = new ArrayList<AttributedFact>();
        for (var fact : facts) {
            var scans = scansOf.getOrDefault(fact, List.of());
            switch (fact.kind()) {
                case ORDER, REDEMPTION -> {
                    var order = byId.get(new OrderId(fact.orderId()));
                    if (order == null) {
                        log.warn("{} {} names order {}, which is not found: not attributed", fact.kind(),
                                fact.factId(), fact.orderId());
                    } else {
                        decided.add(fact.kind() == FactKind.ORDER ? orderFact(order, fact, scans)
                                : redemptionFact(order, fact, scans));
                    }
                }
                case MEMBERSHIP -> decided.add(new AttributedFact(FactKind.MEMBERSHIP, fact.factId(),
                        fact.merchantId(), fact.customerId(), Attribution.decide(null, null, scans, fact.at()), 0, 0,
                        fact.currency(), null, null, null, fact.at()));
                case REFUND, TABLE_VISIT, REDEMPTION_REVERSED -> { }
            }
        }
        rows.insertAll(decided);
        for (var fact : facts) {
            if (fact.kind() == FactKind.REFUND) {
                refund(new OrderId(fact.orderId()), new Money(fact.amountMinor(), fact.currency()),
                        fact.reference(), fact.at());
            } else if (fact.kind() == FactKind.REDEMPTION_REVERSED) {
                rows.reverseRedemption(fact.factId(), fact.at());
            }
        }
    }

    /** Part of a paid order went back: the order's campaign loses it. */
    @Transactional
    void refund(OrderId orderId, Money amount, String reference, Instant at) {
        var order = orders.find(orderId.value()).orElseThrow();
        var attributed = rows.ofOrder(orderId.value()).orElseGet(() -> {
            var paidAt = order.paidAt() != null ? order.paidAt() : order.createdAt();
            var customer = idOf(order.customerId());
            var paid = orderFact(order, customer, customer == null ? Attribution.ORGANIC : Attribution.decide(
                    couponCampaign(order, customer), null, recentScans(order.merchantId(), customer, paidAt), paidAt),
                    order.total().minor(), paidAt);
            rows.insertOnce(paid);
            return new AttributionRows.OrderAttribution(paid.attribution(), paid.storeId(), paid.orderChannel());
        });
        rows.insertOnce(new AttributedFact(FactKind.REFUND, orderId.value() + ":" + reference,
                order.merchantId().value(), idOf(order.customerId()), attributed.attribution(), -amount.minor(), 0,
                amount.currency(), orderId.value(), attributed.orderChannel(), attributed.storeId(), at));
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
                        : recentScans(merchant, customer.value(), at), at)
                : Attribution.ORGANIC;
        rows.insertOnce(new AttributedFact(FactKind.TABLE_VISIT, scanId.toString(), merchant.value(), idOf(customer),
                attribution, 0, 0, Money.CNY, null, null, store.value(), at));
    }

    /** A paid order; a walk-in's (no customer) is organic. */
    private AttributedFact orderFact(Order order, PendingFact paid, List<RecentScan> scans) {
        var customer = paid.customerId();
        var attribution = customer == null ? Attribution.ORGANIC
                : Attribution.decide(couponCampaign(order, customer), null, scans, paid.at());
        return orderFact(order, customer, attribution, paid.amountMinor(), paid.at());
    }

    /** A voucher used in a store: the coupon of its order, else the customer's scans before it. */
    private AttributedFact redemptionFact(Order order, PendingFact redeemed, List<RecentScan> scans) {
        var attribution = Attribution.decide(couponCampaign(order, redeemed.customerId()), null, scans,
                redeemed.at());
        return new AttributedFact(FactKind.REDEMPTION, redeemed.factId(), redeemed.merchantId(),
                redeemed.customerId(), attribution, 0, 0, order.total().currency(), order.id().value(),
                order.channel().name(), redeemed.storeId(), redeemed.at());
    }

    private static AttributedFact orderFact(Order order, @Nullable UUID customer, Attribution attribution,
            long totalMinor, Instant at) {
        return new AttributedFact(FactKind.ORDER, order.id().value().toString(), order.merchantId().value(),
                customer, attribution, totalMinor, order.discount().minor() + order.pointsValue().minor(),
                order.total().currency(), order.id().value(), order.channel().name(),
                order.storeId() == null ? null : order.storeId().value(), at);
    }

    /** The campaign owning the template of the coupon the order used, if any. */
    private @Nullable UUID couponCampaign(Order order, @Nullable UUID customer) {
        if (order.couponId() == null || customer == null) return null;
        return coupons.coupon(new CustomerId(customer), order.couponId())
                .map(WalletCoupon::templateId)
                .flatMap(template -> couponLinks.campaignOf(order.merchantId().value(), template))
                .orElse(null);
    }

    /** The customer's scans that may count for a fact at the merchant: its own campaigns', its group's. */
    private List<RecentScan> recentScans(MerchantId merchant, UUID customer, Instant at) {
        var owner = groups.groupOwnersOf(List.of(merchant)).get(merchant);
        return rows.recentScans(new AttributionRows.ScansAsked(merchant.value(), customer, at, idOf(owner)));
    }

    /** A diner's key as a visitor id: the same diner is the same visitor. */
    static UUID visitorOf(String dinerKey) {
        return UUID.nameUUIDFromBytes(("table-diner:" + dinerKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static @Nullable UUID idOf(@Nullable CustomerId customer) {
        return customer == null ? null : customer.value();
    }

    private static @Nullable UUID idOf(@Nullable MerchantId merchant) {
        return merchant == null ? null : merchant.value();
    }
}
