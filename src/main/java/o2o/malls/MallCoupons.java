package o2o.malls;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.coupons.CouponTemplate;
import o2o.coupons.CouponTerms;
import o2o.coupons.MallCouponTemplates;
import o2o.coupons.MallScope;
import o2o.identity.StaffPrincipal;
import o2o.malls.persistence.MallRows;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mall's coupons: issued and funded by the mall's merchant, usable at all its tenants (as they are when the
 * coupon is used: {@link Malls#letIn} adds each new one) or at chosen tenant merchants or stores. The coupons module
 * keeps them and settles what the mall owes each tenant; this is where the mall's tenants are checked.
 */
@Service
public class MallCoupons {

    private final Malls malls;
    private final MallRows rows;
    private final MallCouponTemplates templates;

    MallCoupons(Malls malls, MallRows rows, MallCouponTemplates templates) {
        this.malls = malls;
        this.rows = rows;
        this.templates = templates;
    }

    /** Which tenants may use a new coupon: all (both empty), chosen merchants, or chosen stores. */
    public record Eligible(Set<MerchantId> merchants, Set<StoreId> stores) {

        public Eligible {
            merchants = Set.copyOf(merchants);
            stores = Set.copyOf(stores);
            if (!merchants.isEmpty() && !stores.isEmpty()) {
                throw new InvalidInput("storeIds", "choose tenant merchants or tenant stores, not both");
            }
        }

        boolean all() {
            return merchants.isEmpty() && stores.isEmpty();
        }
    }

    /**
     * Issues a coupon of the operator's mall. Chosen merchants and stores must be the mall's tenants (404
     * otherwise, as for a tenant of another mall); the terms' own store ids are replaced by the chosen stores.
     */
    @Transactional
    public CouponTemplate issue(StaffPrincipal staff, CouponTerms terms, Eligible eligible) {
        var mall = malls.operatedBy(staff);
        rows.lock(mall.id());
        var tenants = malls.tenants(mall.id()).stream().filter(t -> !t.merchant().equals(mall.owner())).toList();
        var merchants = new HashSet<UUID>();
        if (eligible.all()) {
            tenants.forEach(t -> merchants.add(t.merchant().value()));
        } else if (!eligible.merchants().isEmpty()) {
            for (var merchant : eligible.merchants()) {
                if (tenants.stream().noneMatch(t -> t.merchant().equals(merchant))) throw Problem.notFound("tenant");
                merchants.add(merchant.value());
            }
        } else {
            for (var store : eligible.stores()) {
                var tenant = tenants.stream().filter(t -> t.store().equals(store)).findFirst()
                        .orElseThrow(() -> Problem.notFound("tenant"));
                merchants.add(tenant.merchant().value());
            }
        }
        var stores = eligible.stores().stream().map(StoreId::value).collect(java.util.stream.Collectors.toSet());
        var scoped = new CouponTerms(terms.title(), terms.kind(), terms.amountOff(), terms.percentOff(),
                terms.maxDiscount(), terms.minSpend(), stores, terms.totalQuantity(), terms.perCustomerLimit(),
                terms.validFrom(), terms.validUntil());
        return templates.issue(mall.owner(),
                new MallScope(mall.id().value(), mall.name(), eligible.all(), merchants), scoped);
    }

    /** The operator's mall's coupons, newest first, with how many were claimed and used. */
    @Transactional(readOnly = true)
    public List<MallCouponTemplates.Usage> ofOperator(StaffPrincipal staff) {
        return templates.ofMall(malls.operatedBy(staff).id().value());
    }

    /** The coupons of the mall a customer can claim now (404 for no such mall). */
    @Transactional(readOnly = true)
    public List<CouponTemplate> claimable(MallId mall) {
        return templates.claimable(malls.get(mall).id().value());
    }
}
