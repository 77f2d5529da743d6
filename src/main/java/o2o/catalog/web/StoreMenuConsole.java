package o2o.catalog.web;

import java.util.List;
import java.util.UUID;

import o2o.catalog.Menu;
import o2o.catalog.StoreItem;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.shared.Money;
import o2o.shared.StoreId;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** One store's menu for its staff, on a phone during service: a big sold-out switch per item, and the store's prices. */
@Controller
class StoreMenuConsole {

    private final Menu menu;
    private final Stores stores;

    StoreMenuConsole(Menu menu, Stores stores) {
        this.menu = menu;
        this.stores = stores;
    }

    @GetMapping("/merchant/stores/{storeId}/menu")
    String page(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        model.addAttribute("store", stores.get(staff, storeId));
        model.addAttribute("items", menu.atStore(staff, storeId));
        model.addAttribute("manages", staff.role().manages());
        return "catalog/store";
    }

    @PostMapping("/merchant/stores/{storeId}/menu/items/{itemId}/sold-out")
    String soldOut(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID itemId,
            @RequestParam boolean soldOut, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var item = menu.setSoldOut(staff, new StoreId(storeId), itemId, soldOut);
        return row(staff, storeId, item, htmx, model);
    }

    @PostMapping("/merchant/stores/{storeId}/menu/items/{itemId}")
    @OnProblem(render = "unchanged")
    String settings(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID itemId,
            @RequestParam(defaultValue = "") String priceOverride,
            @RequestParam(defaultValue = "false") boolean available,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var item = menu.setAtStore(staff, new StoreId(storeId), itemId,
                FormValues.optionalMoney("priceOverride", priceOverride, Money.CNY), available);
        return row(staff, storeId, item, htmx, model);
    }

    /** The item's row as it stands; without htmx, the page again (where the row shows no problem). */
    String unchanged(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID itemId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return row(staff, storeId, menu.atStore(staff, new StoreId(storeId), itemId), htmx, model);
    }

    private String row(StaffPrincipal staff, UUID storeId, StoreItem item, @Nullable String htmx, Model model) {
        if (htmx == null) return "redirect:/merchant/stores/" + storeId + "/menu";
        model.addAttribute("store", stores.get(staff, storeId));
        model.addAttribute("items", List.of(item));
        model.addAttribute("manages", staff.role().manages());
        return "catalog/store :: row";
    }
}
