package o2o.vouchers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.deals.Deals;
import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.orders.Orders;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.RateLimits.Limit;
import o2o.shared.RateLimits;
import o2o.shared.StoreId;
import o2o.shared.Timestamps;
import o2o.vouchers.persistence.RedemptionRows.NewRedemption;
import o2o.vouchers.persistence.RedemptionRows;
import o2o.vouchers.persistence.VoucherRows;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for the counter: redeem a voucher by its typed code or its QR token, see what was redeemed, and
 * let a manager reverse a mistake. A voucher turns REDEEMED in one conditional update, so of any number of
 * simultaneous attempts exactly one succeeds; the others learn when and where it was used.
 */
@Service
public class Redemptions {

    private static final Set<Role> AT_THE_COUNTER = Set.of(Role.OWNER, Role.MANAGER, Role.CASHIER, Role.WAITER);

    private final VoucherRows voucherRows;
    private final RedemptionRows rows;
    private final Vouchers vouchers;
    private final QrTokens qrTokens;
    private final Deals deals;
    private final Stores stores;
    private final Orders orders;
    private final RateLimits rateLimits;
    private final ApplicationEventPublisher events;
    private final VouchersProperties properties;
    private final Clock clock;

    Redemptions(VoucherRows voucherRows, RedemptionRows rows, Vouchers vouchers, QrTokens qrTokens, Deals deals,
            Stores stores, Orders orders, RateLimits rateLimits, ApplicationEventPublisher events,
            VouchersProperties properties, Clock clock) {
        this.voucherRows = voucherRows;
        this.rows = rows;
        this.vouchers = vouchers;
        this.qrTokens = qrTokens;
        this.deals = deals;
        this.stores = stores;
        this.orders = orders;
        this.rateLimits = rateLimits;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Redemption redeem(StaffPrincipal staff, UUID storeId, @Nullable String code, @Nullable String qrToken,
            String device) {
        rateLimits.check(new Limit("redeem-staff", properties.redeemsPerStaffPerMinute(), Duration.ofMinutes(1)),
                staff.staffId().toString());
        rateLimits.check(new Limit("redeem-store", properties.redeemsPerStorePerMinute(), Duration.ofMinutes(1)),
                storeId.toString());
        if (!AT_THE_COUNTER.contains(staff.role())) throw Problem.forbidden("this role does not redeem vouchers");
        var store = stores.find(storeId)
                .filter(s -> staff.canActIn(new MerchantId(s.merchantId()), new StoreId(s.id())))
                .orElseThrow(() -> Problem.notFound("store"));
        var voucher = locate(staff, code, qrToken);
        if (voucher.status() == Voucher.Status.REDEEMED) throw alreadyRedeemed(voucher.id());
        voucher.requireIssued();
        var terms = deals.terms(voucher.dealId()).orElseThrow();
        if (!terms.usableIn(storeId)) {
            throw new Problem(HttpStatus.CONFLICT, "voucher-not-usable-here", "this deal cannot be used at this store");
        }
        var now = Timestamps.asStored(clock.instant());
        if (!terms.usableAt(now.atZone(store.timeZone()))) {
            throw new Problem(HttpStatus.CONFLICT, "voucher-outside-validity",
                    "this voucher cannot be used now (validity " + terms.validFrom() + " to "
                            + terms.validUntil() + ", or outside its usable hours)");
        }
        var id = Ids.next();
        var usage = voucherRows.redeem(new NewRedemption(id, voucher.id(), voucher.merchantId(), storeId,
                staff.staffId(), device, now)).orElseThrow(() -> alreadyRedeemed(voucher.id()));
        vouchers.completeIfUsedUp(voucher.orderId(), usage);
        events.publishEvent(new VoucherRedeemed(new VoucherId(voucher.id()), new RedemptionId(id),
                new OrderId(voucher.orderId()), new MerchantId(voucher.merchantId()), new StoreId(storeId),
                new CustomerId(voucher.customerId()), now));
        return new Redemption(id, voucher.id(), voucher.code().value(), voucher.merchantId(), storeId, staff.staffId(),
                device, now, null, voucher.dealTitle());
    }

    /** A manager undoes a redemption made in error, within the reversal window; the voucher can be used again. */
    @Transactional
    public Redemption reverse(StaffPrincipal staff, UUID redemptionId) {
        var redemption = find(redemptionId)
                .filter(r -> staff.canActIn(new MerchantId(r.merchantId()), new StoreId(r.storeId())))
                .orElseThrow(() -> Problem.notFound("redemption"));
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers reverse redemptions");
        var now = clock.instant();
        redemption.requireReversibleAt(now, properties.reversalWindow());
        if (!rows.reverse(redemptionId, staff.staffId(), now)) throw Redemption.alreadyReversed();
        voucherRows.unredeem(redemption.voucherId());
        var orderId = vouchers.find(redemption.voucherId()).orElseThrow().orderId();
        orders.reopen(orderId);
        events.publishEvent(new RedemptionReversed(new RedemptionId(redemptionId), new VoucherId(redemption.voucherId()),
                new OrderId(orderId), new MerchantId(redemption.merchantId()), new StoreId(redemption.storeId()),
                redemption.redeemedAt(), now));
        return find(redemptionId).orElseThrow();
    }

    /** The merchant's redemptions, newest first (optionally one store's), as the staff member may see them. */
    @Transactional(readOnly = true)
    public List<Redemption> log(StaffPrincipal staff, @Nullable UUID storeId, int limit) {
        return rows.log(staff.merchantId(), storeId, staff.storeIds(), limit);
    }

    @Transactional(readOnly = true)
    public Optional<Redemption> find(UUID redemptionId) {
        return rows.find(redemptionId);
    }

    private Voucher locate(StaffPrincipal staff, @Nullable String code, @Nullable String qrToken) {
        if ((code == null || code.isBlank()) == (qrToken == null || qrToken.isBlank())) {
            throw new InvalidInput("code", "send either the typed code or the scanned QR token");
        }
        if (qrToken != null && !qrToken.isBlank()) {
            var id = qrTokens.verify(qrToken);
            return vouchers.find(id)
                    .filter(v -> v.merchantId().equals(staff.merchantId()))
                    .orElseThrow(() -> Problem.notFound("voucher"));
        }
        return voucherRows.byCode(staff.merchantId(), new VoucherCode(code))
                .orElseThrow(() -> Problem.notFound("voucher"));
    }

    /** 409 that says when and where the voucher was used. */
    private Problem alreadyRedeemed(UUID voucherId) {
        var used = rows.lastUse(voucherId)
                .map(use -> Map.<String, Object>of(
                        "redeemedAt", use.at().toString(),
                        "storeId", use.storeId().toString(),
                        "storeName", stores.find(use.storeId()).map(s -> s.name()).orElse("")))
                .orElse(Map.of());
        return new Problem(HttpStatus.CONFLICT, "voucher-already-redeemed",
                "already redeemed" + (used.isEmpty() ? "" : " at " + used.get("storeName") + " on " + used.get("redeemedAt")),
                used, used.getOrDefault("storeName", ""), used.getOrDefault("redeemedAt", ""));
    }
}
