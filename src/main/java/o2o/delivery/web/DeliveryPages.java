package o2o.delivery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import o2o.catalog.Menu;
import o2o.catalog.PricedLine;
import o2o.delivery.AddressBook;
import o2o.delivery.Deliveries;
import o2o.delivery.DeliveryRequest;
import o2o.delivery.DeliveryZones;
import o2o.identity.CustomerPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.StoreId;
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
 * The customer's delivery page: the store's menu with a cart (in the visitor's session, one per store), an address
 * from the book, the live quote for it (zone, fee, minimum, promise) and placing with the fee shown, then paying. The
 * order's own page is {@link DeliveryOrderPages}; addresses are added on {@link AddressPages}.
 */
@Controller
class DeliveryPages {

    private static final String OPTION_FIELD = "opt-";

    private final Deliveries deliveries;
    private final DeliveryZones zones;
    private final AddressBook addresses;
    private final Menu menu;
    private final Stores stores;
    private final PageText text;

    DeliveryPages(Deliveries deliveries, DeliveryZones zones, AddressBook addresses, Menu menu, Stores stores,
            PageText text) {
        this.deliveries = deliveries;
        this.zones = zones;
        this.addresses = addresses;
        this.menu = menu;
        this.stores = stores;
        this.text = text;
    }

    /** A line of the cart as shown: priced, or why it cannot be ordered now. */
    record CartRow(int index, @Nullable PricedLine priced, @Nullable String problem) {}

    @GetMapping("/stores/{storeId}/delivery")
    String order(@Nullable Authentication authentication, @PathVariable UUID storeId,
            @RequestParam(required = false) @Nullable UUID addressId, HttpSession session, Model model) {
        var customer = customer(authentication);
        if (customer == null) return signIn(storeId);
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var book = addresses.of(customer);
        var chosen = chosen(model, addressId, book.stream().map(o2o.delivery.Address::id).toList());
        model.addAttribute("store", store);
        model.addAttribute("delivers", zones.delivers(store.id()));
        model.addAttribute("menu", menu.menuOf(storeId));
        model.addAttribute("addresses", book);
        model.addAttribute("addressId", chosen);
        cart(store, session, model);
        quote(customer, store, chosen, model);
        return "delivery/order";
    }

    /** htmx: the quote for the address picked and the cart as it is, with the order button. */
    @GetMapping("/stores/{storeId}/delivery/quote")
    String quote(CustomerPrincipal customer, @PathVariable UUID storeId,
            @RequestParam(required = false) @Nullable UUID addressId, HttpSession session, Model model) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        model.addAttribute("store", store);
        cart(store, session, model);
        quote(customer, store, addressId, model);
        return "delivery/order :: quote";
    }

    /** Adds a dish with the options picked on its card ({@code opt-<groupId>} fields) after pricing it once. */
    @PostMapping("/stores/{storeId}/delivery/cart")
    @OnProblem(redirect = "/stores/{storeId}/delivery#cart", errorPage = 404)
    String add(@Nullable Authentication authentication, @PathVariable UUID storeId, @RequestParam UUID itemId,
            @RequestParam(defaultValue = "1") String quantity, @RequestParam MultiValueMap<String, String> form,
            HttpSession session) {
        if (customer(authentication) == null) return signIn(storeId);
        stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        var options = new ArrayList<UUID>();
        for (var field : form.entrySet()) {
            if (!field.getKey().startsWith(OPTION_FIELD)) continue;
            for (var value : field.getValue()) options.add(uuid(value));
        }
        var line = new DeliveryCart.Line(itemId, options, FormValues.number("quantity", quantity));
        menu.price(new StoreId(storeId), line.itemId(), line.optionIds(), line.quantity());
        var cart = new ArrayList<>(DeliveryCart.of(session, storeId).lines());
        if (cart.size() >= DeliveryCart.MOST) throw new InvalidInput("lines", "at most 30 lines");
        cart.add(line);
        new DeliveryCart(cart).save(session, storeId);
        return "redirect:/stores/" + storeId + "/delivery#cart";
    }

    @PostMapping("/stores/{storeId}/delivery/cart/{index}/remove")
    String remove(@PathVariable UUID storeId, @PathVariable int index, HttpSession session) {
        var cart = new ArrayList<>(DeliveryCart.of(session, storeId).lines());
        if (index >= 0 && index < cart.size()) cart.remove(index);
        new DeliveryCart(cart).save(session, storeId);
        return "redirect:/stores/" + storeId + "/delivery#cart";
    }

    /**
     * Places the order with the fee the customer saw: the zone and fee are worked out again, and a fee that changed
     * is refused (409), so the page shows the new quote before anything is ordered. Then off to pay.
     */
    @PostMapping("/stores/{storeId}/delivery/checkout")
    @OnProblem(redirect = "/stores/{storeId}/delivery#cart", keep = {"note", "addressId"}, errorPage = 404)
    String checkout(@Nullable Authentication authentication, @PathVariable UUID storeId,
            @RequestParam(required = false) @Nullable UUID addressId, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String shownFee, @RequestParam(defaultValue = "online") String provider,
            HttpSession session) {
        var customer = customer(authentication);
        if (customer == null) return signIn(storeId);
        stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        if (addressId == null) throw new InvalidInput("address", "choose an address");
        var fee = FormValues.optionalMoney("shownFee", shownFee, Money.CNY);
        var order = deliveries.place(customer, storeId, new DeliveryRequest(DeliveryCart.of(session, storeId)
                .toRequest(), addressId, null, note, null, 0, fee));
        session.removeAttribute("delivery.cart." + storeId);
        PageProblems.redirectTo("/me/deliveries/" + order.orderId().value());
        return "redirect:" + deliveries.pay(customer, order.orderId().value(), provider).redirectUrl();
    }

    private void cart(Store store, HttpSession session, Model model) {
        var rows = new ArrayList<CartRow>();
        long total = 0;
        var lines = DeliveryCart.of(session, store.id()).lines();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            try {
                var priced = menu.price(new StoreId(store.id()), line.itemId(), line.optionIds(), line.quantity());
                total += priced.amount().minor();
                rows.add(new CartRow(i, priced, null));
            } catch (Problem problem) {
                rows.add(new CartRow(i, null, text.problem(problem)));
            }
        }
        model.addAttribute("cart", rows);
        model.addAttribute("cartMinor", total);
        model.addAttribute("cartTotal", Money.cny(total).decimal());
        model.addAttribute("cartOrderable", !rows.isEmpty() && rows.stream().allMatch(r -> r.priced() != null));
    }

    private void quote(CustomerPrincipal customer, Store store, @Nullable UUID addressId, Model model) {
        model.addAttribute("quote", null);
        model.addAttribute("quoteProblem", null);
        if (addressId == null) return;
        try {
            var address = addresses.get(customer, addressId);
            long subtotal = model.getAttribute("cartMinor") instanceof Long minor ? minor : 0;
            var quote = deliveries.quote(store.id(), address.point(), Money.cny(subtotal));
            model.addAttribute("quote", quote);
            model.addAttribute("orderTotal", Money.cny(subtotal).plus(quote.fee()).decimal());
            model.addAttribute("quotedAddress", address);
        } catch (Problem problem) {
            model.addAttribute("quoteProblem", text.problem(problem));
        }
    }

    /** The address asked for, else the one kept from a refused order, else the first in the book. */
    private static @Nullable UUID chosen(Model model, @Nullable UUID asked, List<UUID> book) {
        if (asked != null && book.contains(asked)) return asked;
        if (model.getAttribute("addressId") instanceof String kept) {
            for (var id : book) if (id.toString().equals(kept)) return id;
        }
        return book.isEmpty() ? null : book.getFirst();
    }

    static @Nullable CustomerPrincipal customer(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer
                ? customer : null;
    }

    private static String signIn(UUID storeId) {
        return "redirect:/signin?next=/stores/" + storeId + "/delivery";
    }

    private static UUID uuid(String typed) {
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("optionIds", "not an option");
        }
    }
}
