package o2o.catalog.web;

import java.util.UUID;

import o2o.catalog.Menu;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The customer's view of a store's menu, phone first; table ordering later adds its cart to this page. */
@Controller
class MenuPages {

    private final Menu menu;
    private final Stores stores;

    MenuPages(Menu menu, Stores stores) {
        this.menu = menu;
        this.stores = stores;
    }

    @GetMapping("/stores/{storeId}/menu")
    String menu(@PathVariable UUID storeId, Model model) {
        var store = stores.findListed(storeId).orElseThrow(() -> Problem.notFound("store"));
        model.addAttribute("store", store);
        model.addAttribute("menu", menu.menuOf(storeId));
        return "catalog/menu";
    }
}
