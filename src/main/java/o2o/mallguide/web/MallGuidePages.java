package o2o.mallguide.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import o2o.delivery.AddressBook;
import o2o.identity.CustomerPrincipal;
import o2o.mallguide.MallCartFulfilment;
import o2o.mallguide.MallCartLine;
import o2o.mallguide.MallCarts;
import o2o.mallguide.MallGuide;
import o2o.malls.MallId;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageProblems;
import o2o.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mall's guide for customers: the mall's page (floors, categories, tenants), a tenant's deals and menu, the
 * search across every tenant, and one cart across tenants (kept in the visitor's session, one per mall) checked out
 * into the payment provider's page; the checked-out cart's page is {@link MallOrderPages}.
 */
@Controller
class MallGuidePages {

    private static final String OPTION_FIELD = "opt-";
    private static final String FEE_FIELD = "shownFee-";

    private final MallGuide guide;
    private final MallCarts carts;
    private final MallCartView cartView;
    private final AddressBook addresses;

    MallGuidePages(MallGuide guide, MallCarts carts, MallCartView cartView, AddressBook addresses) {
        this.guide = guide;
        this.carts = carts;
        this.cartView = cartView;
        this.addresses = addresses;
    }

    @GetMapping("/malls/{mallId}")
    String mall(@PathVariable UUID mallId, @RequestParam(required = false) String floor,
            @RequestParam(required = false) String category, HttpSession session, Model model) {
        var level = floor == null || floor.isBlank() ? null : FormValues.number("floor", floor);
        var directory = guide.directory(new MallId(mallId), level, category);
        model.addAttribute("directory", directory);
        model.addAttribute("floor", level);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("cartCount", MallCartView.cart(session, mallId).size());
        return "mallguide/mall";
    }

    @GetMapping("/malls/{mallId}/stores/{storeId}")
    String store(@PathVariable UUID mallId, @PathVariable UUID storeId, HttpSession session, Model model) {
        model.addAttribute("page", guide.tenant(new MallId(mallId), new StoreId(storeId)));
        model.addAttribute("cartCount", MallCartView.cart(session, mallId).size());
        return "mallguide/store";
    }

    @GetMapping("/malls/{mallId}/search")
    String search(@PathVariable UUID mallId, @RequestParam(defaultValue = "") String q, HttpSession session,
            Model model) {
        var directory = guide.directory(new MallId(mallId), null, null);
        model.addAttribute("directory", directory);
        model.addAttribute("q", q);
        model.addAttribute("hits", q.isBlank() ? List.of() : guide.search(new MallId(mallId), q));
        model.addAttribute("cartCount", MallCartView.cart(session, mallId).size());
        return "mallguide/search";
    }

    /** Adds a dish of a tenant (with the options picked on its card) after pricing it once; on to the cart. */
    @PostMapping("/malls/{mallId}/stores/{storeId}/cart")
    @OnProblem(redirect = "/malls/{mallId}/stores/{storeId}", errorPage = 404)
    String add(@Nullable Authentication authentication, @PathVariable UUID mallId, @PathVariable UUID storeId,
            @RequestParam UUID itemId, @RequestParam(defaultValue = "1") String quantity,
            @RequestParam MultiValueMap<String, String> form, HttpSession session) {
        if (customer(authentication) == null) return "redirect:/signin?next=/malls/" + mallId + "/stores/" + storeId;
        guide.tenant(new MallId(mallId), new StoreId(storeId));
        var options = new ArrayList<UUID>();
        for (var field : form.entrySet()) {
            if (!field.getKey().startsWith(OPTION_FIELD)) continue;
            for (var value : field.getValue()) options.add(uuid(value, "optionIds"));
        }
        var line = new MallCartView.SessionLine(storeId, itemId, List.copyOf(options),
                FormValues.number("quantity", quantity));
        cartView.priceOne(line);
        var cart = new ArrayList<>(MallCartView.cart(session, mallId));
        if (cart.size() >= 30) throw new InvalidInput("lines", "at most 30 lines");
        cart.add(line);
        MallCartView.keep(session, mallId, cart);
        return "redirect:/malls/" + mallId + "/cart";
    }

    @PostMapping("/malls/{mallId}/cart/{index}/remove")
    String remove(@PathVariable UUID mallId, @PathVariable int index, HttpSession session) {
        var cart = new ArrayList<>(MallCartView.cart(session, mallId));
        if (index >= 0 && index < cart.size()) cart.remove(index);
        MallCartView.keep(session, mallId, cart);
        return "redirect:/malls/" + mallId + "/cart";
    }

    /**
     * The cart by tenant, for pick-up or ({@code fulfilment=delivery}, or an address chosen) delivered to an address
     * of the customer's book, with each tenant's fee, minimum and promise to it.
     */
    @GetMapping("/malls/{mallId}/cart")
    String cart(@Nullable Authentication authentication, @PathVariable UUID mallId,
            @RequestParam(defaultValue = "") String fulfilment, @RequestParam(required = false) @Nullable UUID addressId,
            HttpSession session, Model model) {
        var customer = customer(authentication);
        if (customer == null) return "redirect:/signin?next=/malls/" + mallId + "/cart";
        model.addAttribute("directory", guide.directory(new MallId(mallId), null, null));
        // after a refused checkout, what it was sent with comes back as flash attributes
        var delivering = fulfilment.equals("delivery") || addressId != null
                || "delivery".equals(model.getAttribute("fulfilment"));
        var wanted = addressId == null && model.getAttribute("addressId") instanceof String kept && !kept.isBlank()
                ? uuid(kept, "addressId") : addressId;
        var lines = MallCartView.cart(session, mallId);
        if (!delivering) {
            model.addAttribute("cart", cartView.view(lines));
            return "mallguide/cart";
        }
        var book = addresses.of(customer);
        var chosen = book.stream().filter(a -> a.id().equals(wanted)).findFirst()
                .or(() -> book.stream().findFirst()).orElse(null);
        model.addAttribute("addresses", book);
        model.addAttribute("address", chosen);
        model.addAttribute("cart", chosen == null ? cartView.view(lines) : cartView.view(lines, chosen.point()));
        model.addAttribute("delivering", true);
        return "mallguide/cart";
    }

    /**
     * Places the cart's orders (one per tenant, picked up or delivered with the fees the page showed), then off to
     * pay them at once; the cart is emptied once placed.
     */
    @PostMapping("/malls/{mallId}/cart/checkout")
    @OnProblem(redirect = "/malls/{mallId}/cart", keep = {"fulfilment", "addressId"}, errorPage = 404)
    String checkout(@Nullable Authentication authentication, @PathVariable UUID mallId,
            @RequestParam(defaultValue = "") String fulfilment, @RequestParam(defaultValue = "") String pickupTime,
            @RequestParam(required = false) @Nullable UUID addressId, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "online") String provider, @RequestParam MultiValueMap<String, String> form,
            HttpSession session) {
        var customer = customer(authentication);
        if (customer == null) return "redirect:/signin?next=/malls/" + mallId + "/cart";
        var lines = MallCartView.cart(session, mallId).stream().map(l -> new MallCartLine(new StoreId(l.storeId()),
                l.itemId(), l.optionIds(), l.quantity(), null)).toList();
        var placed = carts.checkout(customer, new MallId(mallId), lines, fulfilment.equals("delivery")
                ? new MallCartFulfilment.Deliver(addressId, null, note.strip(), shownFees(form))
                : new MallCartFulfilment.PickUp(CartOrderResponse.pickupTime(pickupTime)));
        MallCartView.keep(session, mallId, List.of());
        var groupId = placed.group().id();
        PageProblems.redirectTo("/me/mall-orders/" + groupId);
        return "redirect:" + carts.pay(customer, groupId, provider).redirectUrl();
    }

    /** The fee the page showed for each tenant: {@code shownFee-<storeId>} fields. */
    private static Map<StoreId, Money> shownFees(MultiValueMap<String, String> form) {
        var fees = new HashMap<StoreId, Money>();
        for (var field : form.entrySet()) {
            if (!field.getKey().startsWith(FEE_FIELD) || field.getValue().isEmpty()) continue;
            var store = new StoreId(uuid(field.getKey().substring(FEE_FIELD.length()), "shownFee"));
            var fee = FormValues.optionalMoney("shownFee", field.getValue().getFirst(), Money.CNY);
            if (fee != null) fees.put(store, fee);
        }
        return fees;
    }

    static @Nullable CustomerPrincipal customer(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer
                ? customer : null;
    }

    private static UUID uuid(String typed, String field) {
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "not an id");
        }
    }
}
