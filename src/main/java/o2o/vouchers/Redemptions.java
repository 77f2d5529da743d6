package o2o.vouchers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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
import o2o.shared.Timestamps;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.RateLimits;
import o2o.shared.RateLimits.Limit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Vouchers vouchers;
    private final QrTokens qrTokens;
    private final Deals deals;
    private final Stores stores;
    private final Orders orders;
    private final RateLimits rateLimits;
    private final ApplicationEventPublisher events;
    private final VouchersProperties properties;
    private final Clock clock;

    Redemptions(JdbcClient jdbc, Vouchers vouchers, QrTokens qrTokens, Deals deals, Stores stores, Orders orders,
            RateLimits rateLimits, ApplicationEventPublisher events, VouchersProperties properties, Clock clock) {
        this.jdbc = jdbc;
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
                .filter(s -> staff.canActIn(s.merchantId(), s.id()))
                .orElseThrow(() -> Problem.notFound("store"));
        var voucher = locate(staff, code, qrToken);
        if (voucher.status() == Voucher.Status.REDEEMED) throw alreadyRedeemed(voucher.id());
        if (voucher.status() != Voucher.Status.ISSUED) {
            throw new Problem(HttpStatus.CONFLICT, "voucher-not-redeemable", "this voucher is " + voucher.status(),
                    Map.of("voucherStatus", voucher.status().name()));
        }
        var deal = deals.find(voucher.dealId()).orElseThrow();
        if (!deal.usableIn(storeId)) {
            throw new Problem(HttpStatus.CONFLICT, "voucher-not-usable-here", "this deal cannot be used at this store");
        }
        var now = clock.instant();
        if (!deal.usableAt(now.atZone(store.timeZone()))) {
            throw new Problem(HttpStatus.CONFLICT, "voucher-outside-validity",
                    "this voucher cannot be used now (validity " + deal.terms().validFrom() + " to "
                            + deal.terms().validUntil() + ", or outside its usable hours)");
        }
        int redeemed = jdbc.sql("""
                        update voucher set status = 'REDEEMED', redeemed_at = :now, redeemed_store_id = :store
                        where id = :id and status = 'ISSUED'
                        """)
                .param("now", Timestamps.utc(now))
                .param("store", storeId)
                .param("id", voucher.id())
                .update();
        if (redeemed == 0) throw alreadyRedeemed(voucher.id());
        var id = Ids.next();
        jdbc.sql("""
                        insert into redemption (id, voucher_id, merchant_id, store_id, staff_id, device, redeemed_at)
                        values (:id, :voucher, :merchant, :store, :staff, :device, :now)
                        """)
                .param("id", id)
                .param("voucher", voucher.id())
                .param("merchant", voucher.merchantId())
                .param("store", storeId)
                .param("staff", staff.staffId())
                .param("device", device)
                .param("now", Timestamps.utc(now))
                .update();
        vouchers.completeIfUsedUp(voucher.orderId());
        events.publishEvent(new VoucherRedeemed(voucher.id(), id, voucher.orderId(), voucher.merchantId(), storeId,
                voucher.customerId(), now));
        return find(id).orElseThrow();
    }

    /** A manager undoes a redemption made in error, within the reversal window; the voucher can be used again. */
    @Transactional
    public Redemption reverse(StaffPrincipal staff, UUID redemptionId) {
        var redemption = find(redemptionId)
                .filter(r -> staff.canActIn(r.merchantId(), r.storeId()))
                .orElseThrow(() -> Problem.notFound("redemption"));
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers reverse redemptions");
        var now = clock.instant();
        if (redemption.reversedAt() != null) {
            throw new Problem(HttpStatus.CONFLICT, "redemption-already-reversed", "this redemption was reversed already");
        }
        if (redemption.redeemedAt().plus(properties.reversalWindow()).isBefore(now)) {
            throw new Problem(HttpStatus.CONFLICT, "reversal-window-over",
                    "redemptions can be reversed within " + properties.reversalWindow().toMinutes() + " minutes");
        }
        int reversed = jdbc.sql("""
                        update redemption set reversed_at = :now, reversed_by = :staff
                        where id = :id and reversed_at is null
                        """)
                .param("now", Timestamps.utc(now))
                .param("staff", staff.staffId())
                .param("id", redemptionId)
                .update();
        if (reversed == 0) {
            throw new Problem(HttpStatus.CONFLICT, "redemption-already-reversed", "this redemption was reversed already");
        }
        jdbc.sql("""
                        update voucher set status = 'ISSUED', redeemed_at = null, redeemed_store_id = null
                        where id = :id and status = 'REDEEMED'
                        """)
                .param("id", redemption.voucherId())
                .update();
        orders.reopen(vouchers.find(redemption.voucherId()).orElseThrow().orderId());
        return find(redemptionId).orElseThrow();
    }

    /** The merchant's redemptions, newest first (optionally one store's), as the staff member may see them. */
    @Transactional(readOnly = true)
    public List<Redemption> log(StaffPrincipal staff, @Nullable UUID storeId, int limit) {
        return jdbc.sql("""
                        select r.id, r.voucher_id, v.code, r.merchant_id, r.store_id, r.staff_id, r.device,
                               r.redeemed_at, r.reversed_at, v.deal_title
                        from redemption r join voucher v on v.id = r.voucher_id
                        where r.merchant_id = :merchant
                          and (cast(:store as uuid) is null or r.store_id = :store)
                          and (cardinality(cast(:stores as uuid[])) = 0 or r.store_id = any(:stores))
                        order by r.redeemed_at desc limit :limit
                        """)
                .param("merchant", staff.merchantId())
                .param("store", new SqlParameterValue(Types.OTHER, storeId))
                .param("stores", staff.storeIds().toArray(UUID[]::new))
                .param("limit", limit)
                .query(Redemptions::redemption)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Redemption> find(UUID redemptionId) {
        return jdbc.sql("""
                        select r.id, r.voucher_id, v.code, r.merchant_id, r.store_id, r.staff_id, r.device,
                               r.redeemed_at, r.reversed_at, v.deal_title
                        from redemption r join voucher v on v.id = r.voucher_id where r.id = :id
                        """)
                .param("id", redemptionId)
                .query(Redemptions::redemption)
                .optional();
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
        var typed = new VoucherCode(code);
        return jdbc.sql("select " + Vouchers.COLUMNS + " from voucher v where v.merchant_id = :merchant and v.code = :code")
                .param("merchant", staff.merchantId())
                .param("code", typed.value())
                .query(Vouchers::voucher)
                .optional()
                .orElseThrow(() -> Problem.notFound("voucher"));
    }

    /** 409 that says when and where the voucher was used. */
    private Problem alreadyRedeemed(UUID voucherId) {
        var used = jdbc.sql("""
                        select redeemed_at, store_id from redemption
                        where voucher_id = :voucher and reversed_at is null order by redeemed_at desc limit 1
                        """)
                .param("voucher", voucherId)
                .query((rs, row) -> {
                    var store = rs.getObject("store_id", UUID.class);
                    return Map.<String, Object>of(
                            "redeemedAt", rs.getObject("redeemed_at", OffsetDateTime.class).toInstant().toString(),
                            "storeId", store.toString(),
                            "storeName", stores.find(store).map(s -> s.name()).orElse(""));
                })
                .optional()
                .orElse(Map.of());
        return new Problem(HttpStatus.CONFLICT, "voucher-already-redeemed",
                "already redeemed" + (used.isEmpty() ? "" : " at " + used.get("storeName") + " on " + used.get("redeemedAt")),
                used, used.getOrDefault("storeName", ""), used.getOrDefault("redeemedAt", ""));
    }

    static Redemption redemption(ResultSet rs, int row) throws SQLException {
        var reversed = rs.getObject("reversed_at", OffsetDateTime.class);
        return new Redemption(rs.getObject("id", UUID.class), rs.getObject("voucher_id", UUID.class),
                rs.getString("code"), rs.getObject("merchant_id", UUID.class), rs.getObject("store_id", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getString("device"),
                rs.getObject("redeemed_at", OffsetDateTime.class).toInstant(),
                reversed == null ? null : reversed.toInstant(), rs.getString("deal_title"));
    }
}
