package o2o.coupons.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.coupons.Coupons;
import o2o.coupons.WalletCoupon;
import o2o.identity.CustomerPrincipal;
import o2o.merchants.Merchants;
import o2o.merchants.Stores;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer's coupons: claiming them on a store's page, the wallet, and choosing one at checkout. */
@Controller
class CouponPages {

    private final Coupons coupons;
    private final Stores stores;
    private final Merchants merchants;
    private final PageText text;
    private final Clock clock;

    CouponPages(Coupons coupons, Stores stores, Merchants merchants, PageText text, Clock clock) {
        this.coupons = coupons;
        this.stores = stores;
        this.merchants = merchants;
        this.text = text;
        this.clock = clock;
    }

    /** htmx, on the store page: what can be claimed there; visitors who are not signed in are asked to. */
    @GetMapping("/stores/{storeId}/coupons")
    String claimable(@Nullable Authentication authentication, @PathVariable UUID storeId, Model model) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var customer = customer(authentication);
        var held = customer == null ? Map.<UUID, Long>of() : heldPerTemplate(customer.customerId());
        model.addAttribute("storeId", storeId);
        model.addAttribute("signedIn", customer != null);
        var offers = coupons.claimable(new MerchantId(store.merchantId()), new StoreId(storeId));
        model.addAttribute("offers", offers.stream()
                .map(t -> new Offer(t, held.getOrDefault(t.id(), 0L) >= t.terms().perCustomerLimit(), null))
                .toList());
        return "coupons/claimable :: offers";
    }

    /** htmx: claims one and answers with that coupon's line. */
    @PostMapping("/me/coupons/claims")
    @OnProblem(render = "refused", errorPage = 404)
    String claim(CustomerPrincipal customer, @RequestParam UUID templateId, @RequestParam UUID storeId, Model model) {
        coupons.template(templateId).orElseThrow(() -> Problem.notFound("coupon"));
        coupons.claim(customer.id(), templateId);
        return offer(new Offer(coupons.template(templateId).orElseThrow(), true, null), storeId, model);
    }

    /** The refusal (sold out, limit reached) is shown on that coupon's line. */
    String refused(@RequestParam UUID templateId, @RequestParam UUID storeId, Problem problem, Model model) {
        var template = coupons.template(templateId).orElseThrow(() -> Problem.notFound("coupon"));
        return offer(new Offer(template, false, text.problem(problem)), storeId, model);
    }

    private static String offer(Offer offer, UUID storeId, Model model) {
        model.addAttribute("storeId", storeId);
        model.addAttribute("signedIn", true);
        model.addAttribute("o", offer);
        model.addAttribute("justClaimed", offer.problem() == null);
        return "coupons/claimable :: offer";
    }

    @GetMapping("/me/coupons")
    String wallet(CustomerPrincipal customer, Model model) {
        var now = clock.instant();
        var wallet = coupons.wallet(customer.customerId());
        model.addAttribute("usable", wallet.stream()
                .filter(c -> c.status() == WalletCoupon.Status.AVAILABLE && now.isBefore(c.terms().validUntil()))
                .toList());
        model.addAttribute("other", wallet.stream()
                .filter(c -> c.status() != WalletCoupon.Status.AVAILABLE || !now.isBefore(c.terms().validUntil()))
                .toList());
        model.addAttribute("now", now);
        model.addAttribute("where", mallCouponMerchants(wallet));
        return "coupons/wallet";
    }

    /** For each mall coupon for chosen tenants, their merchants' names, to say where it can be used. */
    private Map<UUID, String> mallCouponMerchants(List<WalletCoupon> wallet) {
        var chosen = wallet.stream().filter(c -> c.mall() != null && !c.mall().allTenants()).toList();
        if (chosen.isEmpty()) return Map.of();
        var names = merchants.findAll(chosen.stream().flatMap(c -> c.mall().merchantIds().stream())
                .collect(Collectors.toSet()));
        return chosen.stream().collect(Collectors.toMap(WalletCoupon::id, c -> c.mall().merchantIds().stream()
                .map(names::get).filter(java.util.Objects::nonNull).map(o2o.merchants.Merchant::name).sorted()
                .collect(Collectors.joining("、"))));
    }

    /**
     * htmx, in a deal's buy form: the customer's coupons that could apply to a deal of this merchant at these stores
     * (checkout checks the rest, such as the minimum spend).
     */
    @GetMapping("/me/coupons/choices")
    String choices(CustomerPrincipal customer, @RequestParam UUID merchant,
            @RequestParam(name = "store", required = false) @Nullable List<UUID> storeIds, Model model) {
        var now = clock.instant();
        model.addAttribute("choices", coupons.wallet(customer.customerId()).stream()
                .filter(c -> c.status() == WalletCoupon.Status.AVAILABLE && c.isFor(merchant))
                .filter(c -> !now.isBefore(c.terms().validFrom()) && now.isBefore(c.terms().validUntil()))
                .filter(c -> c.terms().storeIds().isEmpty() || storeIds == null
                        || storeIds.stream().anyMatch(c.terms().storeIds()::contains))
                .toList());
        return "coupons/claimable :: choices";
    }

    private Map<UUID, Long> heldPerTemplate(UUID customerId) {
        return coupons.wallet(customerId).stream()
                .collect(Collectors.groupingBy(WalletCoupon::templateId, Collectors.counting()));
    }

    private static @Nullable CustomerPrincipal customer(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer
                ? customer : null;
    }
}
