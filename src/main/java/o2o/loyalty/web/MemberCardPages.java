package o2o.loyalty.web;

import java.time.Clock;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.loyalty.Enrolment;
import o2o.loyalty.Loyalty;
import o2o.loyalty.MemberCards;
import o2o.loyalty.Tiers;
import o2o.merchants.Stores;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.QrCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The customer's member cards (with the rotating member QR code and points history) and joining from the store page
 * and at checkout, through fragments that the store and deal pages load.
 */
@Controller
class MemberCardPages {

    private static final int QR_SIZE = 280;

    private final MemberCards cards;
    private final Enrolment enrolment;
    private final Loyalty loyalty;
    private final Tiers tiers;
    private final Stores stores;
    private final Clock clock;

    MemberCardPages(MemberCards cards, Enrolment enrolment, Loyalty loyalty, Tiers tiers, Stores stores, Clock clock) {
        this.cards = cards;
        this.enrolment = enrolment;
        this.loyalty = loyalty;
        this.tiers = tiers;
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/me/memberships")
    String cards(CustomerPrincipal customer, Model model) {
        model.addAttribute("cards", cards.of(customer.customerId()));
        return "loyalty/cards";
    }

    @GetMapping("/me/memberships/{merchantId}")
    String card(CustomerPrincipal customer, @PathVariable UUID merchantId, Model model) {
        model.addAttribute("card", cards.of(customer.id(), new MerchantId(merchantId)));
        model.addAttribute("tier", tiers.of(customer.id(),
                new MerchantId(merchantId)).orElse(null));
        qrModel(customer, merchantId, model);
        return "loyalty/card";
    }

    /** htmx: a fresh QR code and its digits, fetched by the card page before the shown one expires. */
    @GetMapping("/me/memberships/{merchantId}/qr")
    String qr(CustomerPrincipal customer, @PathVariable UUID merchantId, Model model) {
        qrModel(customer, merchantId, model);
        return "loyalty/card :: qr";
    }

    /** The image of a QR code issued to this customer for this card (nothing else is drawn). */
    @GetMapping(path = "/me/memberships/{merchantId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> qrPng(CustomerPrincipal customer, @PathVariable UUID merchantId, @RequestParam String token) {
        if (!cards.belongsTo(token, customer.id(), new MerchantId(merchantId))) throw Problem.notFound("membership");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.png(token, QR_SIZE));
    }

    @GetMapping("/me/memberships/{merchantId}/points")
    String points(CustomerPrincipal customer, @PathVariable UUID merchantId, Model model) {
        model.addAttribute("card", cards.of(customer.id(), new MerchantId(merchantId)));
        model.addAttribute("balance", loyalty.points(customer.id(),
                new MerchantId(merchantId)));
        return "loyalty/points";
    }

    /** The store page's "join membership" button. */
    @PostMapping("/me/memberships")
    String join(CustomerPrincipal customer, @RequestParam UUID merchantId) {
        enrolment.join(customer.id(), new MerchantId(merchantId), Enrolment.PAGE, null);
        return "redirect:/me/memberships/" + merchantId;
    }

    /** Fragment of the store page: join (signed in), sign in first (signed out), or the card (a member). */
    @GetMapping("/stores/{storeId}/membership")
    String storeBox(@Nullable Authentication authentication, @PathVariable UUID storeId, Model model) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        model.addAttribute("storeId", storeId);
        model.addAttribute("merchantId", store.merchantId());
        var customer = customerOf(authentication);
        model.addAttribute("signedIn", customer != null);
        model.addAttribute("member", customer != null && enrolment.isMember(customer.id(),
                new MerchantId(store.merchantId())));
        return "loyalty/join :: store";
    }

    /** Fragment of the deal page's checkout form: "join membership", ticked unless already a member. */
    @GetMapping("/me/memberships/checkout-choice")
    String checkoutChoice(CustomerPrincipal customer, @RequestParam UUID merchant, Model model) {
        model.addAttribute("merchantId", merchant);
        model.addAttribute("member", enrolment.isMember(customer.id(),
                new MerchantId(merchant)));
        return "loyalty/join :: checkout";
    }

    private void qrModel(CustomerPrincipal customer, UUID merchantId, Model model) {
        var token = cards.issue(customer.id(), new MerchantId(merchantId));
        model.addAttribute("merchantId", merchantId);
        model.addAttribute("qr", token);
        // renew a few seconds before the code runs out, never more often than every 5 s
        long refresh = Math.max(5, token.expiresAt().getEpochSecond() - clock.instant().getEpochSecond() - 10);
        model.addAttribute("refreshSeconds", refresh);
    }

    static @Nullable CustomerPrincipal customerOf(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer
                ? customer : null;
    }
}
