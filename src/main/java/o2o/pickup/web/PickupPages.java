package o2o.pickup.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import o2o.catalog.Menu;
import o2o.identity.CustomerPrincipal;
import o2o.merchants.Stores;
import o2o.pickup.CartLine;
import o2o.pickup.CartLinePrice;
import o2o.pickup.PickupRequest;
import o2o.pickup.Pickups;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageProblems;
import o2o.shared.web.PageText;
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
 * The customer's pick-up pages: the store's menu with a cart (kept in the visitor's session, one per store), the
 * pick-up time and note, and checkout into the payment provider's page. The order's own page, with its number, is
 * {@link PickupOrderPages}.
 */
@Controller
class PickupPages {

    private static final String OPTION_FIELD = "opt-";

    private final Pickups pickups;
    private final Menu menu;
    private final Stores stores;
    private final PageText text;

    PickupPages(Pickups pickups, Menu menu, Stores stores, PageText text) {
        this.pickups = pickups;
        this.menu = menu;
        this.stores = stores;
        this.text = text;
    }

    @GetMapping("/stores/{storeId}/pickup")
    String order(@Nullable Authentication authentication, @PathVariable UUID storeId, HttpSession session,
            Model model) {
        if (customer(authentication) == null) return "redirect:/signin?next=/stores/" + storeId + "/pickup";
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var rows = new ArrayList<CartRow>();
        long total = 0;
        var cart = cart(session, storeId);
        var prices = pickups.priceEach(storeId, cart);
        for (int i = 0; i < prices.size(); i++) {
            switch (prices.get(i)) {
                case CartLinePrice.Priced(var line, var priced) -> {
                    total += priced.amount().minor();
                    rows.add(new CartRow(i, line, priced, null));
                }
                case CartLinePrice.Unpriceable(var line, var problem) ->
                        rows.add(new CartRow(i, line, null, text.problem(problem)));
            }
        }
        model.addAttribute("store", store);
        model.addAttribute("menu", menu.menuOf(storeId));
        model.addAttribute("cart", rows);
        model.addAttribute("cartTotal", String.format("%d.%02d", total / 100, total % 100));
        model.addAttribute("times", pickups.times(storeId));
        return "pickup/order";
    }

    /** Adds a dish with the options picked on its card ({@code opt-<groupId>} fields) after pricing it once. */
    @PostMapping("/stores/{storeId}/pickup/cart")
    @OnProblem(redirect = "/stores/{storeId}/pickup#cart", errorPage = 404)
    String add(@Nullable Authentication authentication, @PathVariable UUID storeId, @RequestParam UUID itemId,
            @RequestParam(defaultValue = "1") String quantity, @RequestParam MultiValueMap<String, String> form,
            HttpSession session) {
        if (customer(authentication) == null) return "redirect:/signin?next=/stores/" + storeId + "/pickup";
        stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var options = new ArrayList<UUID>();
        for (var field : form.entrySet()) {
            if (!field.getKey().startsWith(OPTION_FIELD)) continue;
            for (var value : field.getValue()) options.add(uuid(value));
        }
        var line = new CartLine(itemId, options, FormValues.number("quantity", quantity));
        pickups.price(storeId, List.of(line));
        var cart = new ArrayList<>(cart(session, storeId));
        if (cart.size() >= 30) throw new InvalidInput("lines", "at most 30 lines");
        cart.add(line);
        session.setAttribute(key(storeId), List.copyOf(cart));
        return "redirect:/stores/" + storeId + "/pickup#cart";
    }

    @PostMapping("/stores/{storeId}/pickup/cart/{index}/remove")
    String remove(@PathVariable UUID storeId, @PathVariable int index, HttpSession session) {
        var cart = new ArrayList<>(cart(session, storeId));
        if (index >= 0 && index < cart.size()) cart.remove(index);
        session.setAttribute(key(storeId), List.copyOf(cart));
        return "redirect:/stores/" + storeId + "/pickup#cart";
    }

    /**
     * Places the order from the cart, then off to pay; the cart is emptied once the order exists. A refused order
     * shows on the cart with the note kept; a refused payment shows on the order.
     */
    @PostMapping("/stores/{storeId}/pickup/checkout")
    @OnProblem(redirect = "/stores/{storeId}/pickup#cart", keep = "note", errorPage = 404)
    String checkout(@Nullable Authentication authentication, @PathVariable UUID storeId,
            @RequestParam(defaultValue = "") String pickupTime, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "online") String provider, HttpSession session) {
        var customer = customer(authentication);
        if (customer == null) return "redirect:/signin?next=/stores/" + storeId + "/pickup";
        stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var order = pickups.place(customer, storeId, new PickupRequest(cart(session, storeId),
                PickupResponse.pickupTime(pickupTime), note, null, 0));
        session.removeAttribute(key(storeId));
        PageProblems.redirectTo("/me/pickups/" + order.orderId());
        return "redirect:" + pickups.pay(customer, order.orderId(), provider).redirectUrl();
    }

    private static @Nullable CustomerPrincipal customer(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer
                ? customer : null;
    }

    @SuppressWarnings("unchecked")
    private static List<CartLine> cart(HttpSession session, UUID storeId) {
        return session.getAttribute(key(storeId)) instanceof List<?> list ? (List<CartLine>) list : List.of();
    }

    private static String key(UUID storeId) {
        return "pickup.cart." + storeId;
    }

    private static UUID uuid(String typed) {
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("optionIds", "not an option");
        }
    }
}
