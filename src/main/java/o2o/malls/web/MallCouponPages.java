package o2o.malls.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.coupons.CouponTemplate;
import o2o.coupons.Coupons;
import o2o.coupons.WalletCoupon;
import o2o.identity.CustomerPrincipal;
import o2o.malls.MallCoupons;
import o2o.malls.MallId;
import o2o.malls.Malls;
import o2o.malls.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The mall's coupons for customers: each with where it can be used and a claim button (the coupons module's claim,
 * which answers with the coupon's line); visitors who are not signed in are asked to.
 */
@Controller
class MallCouponPages {

    private final Malls malls;
    private final MallCoupons mallCoupons;
    private final Coupons coupons;
    private final MallViews views;

    MallCouponPages(Malls malls, MallCoupons mallCoupons, Coupons coupons, MallViews views) {
        this.malls = malls;
        this.mallCoupons = mallCoupons;
        this.coupons = coupons;
        this.views = views;
    }

    /** A coupon on the page: whether the customer holds as many as they may, and where it can be used. */
    record MallOffer(CouponTemplate template, boolean held, @Nullable List<String> where) {}

    @GetMapping("/malls/{mallId}/coupons")
    String coupons(@Nullable Authentication authentication, @PathVariable UUID mallId, Model model) {
        var mall = malls.get(new MallId(mallId));
        var customer = authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal c
                ? c : null;
        Map<UUID, Long> held = customer == null ? Map.of() : coupons.wallet(customer.customerId()).stream()
                .collect(Collectors.groupingBy(WalletCoupon::templateId, Collectors.counting()));
        var tenants = malls.tenants(mall.id());
        var stores = views.storesOf(tenants);
        model.addAttribute("mall", mall);
        model.addAttribute("signedIn", customer != null);
        model.addAttribute("offers", mallCoupons.claimable(mall.id()).stream()
                .map(t -> new MallOffer(t, held.getOrDefault(t.id(), 0L) >= t.terms().perCustomerLimit(),
                        where(t, tenants, stores)))
                .toList());
        return "malls/coupons";
    }

    /** The names of the tenant stores where it can be used; null for every tenant of the mall. */
    private static @Nullable List<String> where(CouponTemplate template, List<Tenant> tenants,
            Map<UUID, o2o.merchants.Store> stores) {
        var scope = template.mall();
        if (scope == null || scope.allTenants()) return null;
        var chosen = template.terms().storeIds();
        return tenants.stream()
                .filter(t -> scope.admits(t.merchant().value())
                        && (chosen.isEmpty() || chosen.contains(t.store().value())))
                .map(t -> stores.get(t.store().value()))
                .filter(java.util.Objects::nonNull)
                .map(o2o.merchants.Store::name)
                .toList();
    }
}
