package o2o.coupons;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.coupons.persistence.CouponTemplates;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mall coupons, for the malls module: coupons cannot know malls (malls use loyalty, which uses coupons), so the malls
 * module checks who the mall's tenants are and hands the eligible merchants over — all of them, kept current by
 * {@link #admitTenant} as tenants are let in, or a chosen few (and, in the terms, chosen stores). At checkout the
 * coupon then decides from its own row, without asking anyone.
 */
@Service
public class MallCouponTemplates {

    private final CouponTemplates templates;
    private final Clock clock;

    MallCouponTemplates(CouponTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /** A used-count beside a mall coupon's template (claimed is on the template). */
    public record Usage(CouponTemplate template, int used) {}

    /** Issues a mall coupon, funded by the mall's merchant, for the tenant merchants in the scope. */
    @Transactional
    public CouponTemplate issue(MerchantId mallMerchant, MallScope scope, CouponTerms terms) {
        if (scope.merchantIds().contains(mallMerchant.value())) {
            throw new InvalidInput("merchantIds", "the mall's own merchant is not its tenant");
        }
        if (!scope.allTenants() && scope.merchantIds().isEmpty()) {
            throw new InvalidInput("merchantIds", "choose at least one tenant");
        }
        var id = Ids.next();
        templates.insert(id, mallMerchant.value(), terms, scope, clock.instant());
        return templates.find(id).orElseThrow();
    }

    /** The mall's coupons, newest first, with how many were used. */
    @Transactional(readOnly = true)
    public List<Usage> ofMall(UUID mallId) {
        return templates.ofMall(mallId).stream().map(u -> new Usage(u.template(), u.used())).toList();
    }

    /** The mall's coupons a customer can claim now. */
    @Transactional(readOnly = true)
    public List<CouponTemplate> claimable(UUID mallId) {
        return templates.claimableInMall(mallId, clock.instant());
    }

    /** A merchant became the mall's tenant: the mall's coupons for all its tenants are usable there from now on. */
    @Transactional
    public void admitTenant(UUID mallId, MerchantId merchant) {
        templates.admitTenant(mallId, merchant.value());
    }
}
