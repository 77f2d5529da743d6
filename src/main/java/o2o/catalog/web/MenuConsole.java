package o2o.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.catalog.ItemDetails;
import o2o.catalog.Menu;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
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

/**
 * The merchant console's menu: categories, items and their option groups, edited in place with htmx (each form
 * answers with the menu's body re-rendered; without htmx, with the whole page).
 */
@Controller
class MenuConsole {

    private final Menu menu;
    private final Stores stores;

    MenuConsole(Menu menu, Stores stores) {
        this.menu = menu;
        this.stores = stores;
    }

    @GetMapping("/merchant/menu")
    String page(StaffPrincipal staff, Model model) {
        return render(staff, model, null, false);
    }

    @PostMapping("/merchant/menu/categories")
    @OnProblem(render = "unsaved")
    String addCategory(StaffPrincipal staff, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String sortOrder,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return edit(staff, model, htmx, () -> {
            var order = FormValues.optionalNumber("sortOrder", sortOrder);
            menu.addCategory(staff, name, order == null ? 0 : order);
        });
    }

    @PostMapping("/merchant/menu/items")
    @OnProblem(render = "unsaved")
    String addItem(StaffPrincipal staff, @RequestParam(required = false) @Nullable UUID categoryId,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String price,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String photoUrl,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return edit(staff, model, htmx, () -> {
            if (categoryId == null) throw new InvalidInput("categoryId", "choose a category");
            menu.addItem(staff, new ItemDetails(categoryId, name, description, photoUrl,
                    FormValues.money("price", price, Money.CNY), List.of()));
        });
    }

    @PostMapping("/merchant/menu/items/{itemId}/deactivate")
    @OnProblem(render = "unsaved")
    String deactivate(StaffPrincipal staff, @PathVariable UUID itemId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return edit(staff, model, htmx, () -> menu.deactivate(staff, itemId));
    }

    @PostMapping("/merchant/menu/items/{itemId}/activate")
    @OnProblem(render = "unsaved")
    String activate(StaffPrincipal staff, @PathVariable UUID itemId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return edit(staff, model, htmx, () -> {
            var item = menu.item(staff, itemId);
            menu.updateItem(staff, itemId, MenuForms.detailsOf(item, MenuForms.groupsOf(item)), true);
        });
    }

    @PostMapping("/merchant/menu/items/{itemId}/groups")
    @OnProblem(render = "unsaved")
    String addGroup(StaffPrincipal staff, @PathVariable UUID itemId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "false") boolean required, @RequestParam(defaultValue = "") String minChoices,
            @RequestParam(defaultValue = "") String maxChoices, @RequestParam(defaultValue = "") String options,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return edit(staff, model, htmx, () -> {
            var item = menu.item(staff, itemId);
            var min = FormValues.optionalNumber("minChoices", minChoices);
            var max = FormValues.optionalNumber("maxChoices", maxChoices);
            var groups = new ArrayList<>(MenuForms.groupsOf(item));
            groups.add(new ItemDetails.Group(null, name, required, min == null ? (required ? 1 : 0) : min,
                    max == null ? 1 : max, MenuForms.options(options)));
            menu.updateItem(staff, itemId, MenuForms.detailsOf(item, groups), null);
        });
    }

    @PostMapping("/merchant/menu/items/{itemId}/groups/{groupId}/remove")
    @OnProblem(render = "unsaved")
    String removeGroup(StaffPrincipal staff, @PathVariable UUID itemId, @PathVariable UUID groupId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return edit(staff, model, htmx, () -> {
            var item = menu.item(staff, itemId);
            var groups = MenuForms.groupsOf(item).stream().filter(g -> !groupId.equals(g.id())).toList();
            menu.updateItem(staff, itemId, MenuForms.detailsOf(item, groups), null);
        });
    }

    private String edit(StaffPrincipal staff, Model model, @Nullable String htmx, Runnable change) {
        change.run();
        return render(staff, model, htmx, true);
    }

    /** The menu (or its htmx body) as it stands, the refused change not made. */
    String unsaved(StaffPrincipal staff, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        return render(staff, model, htmx, false);
    }

    private String render(StaffPrincipal staff, Model model, @Nullable String htmx, boolean saved) {
        model.addAttribute("staff", staff);
        model.addAttribute("categories", menu.categories(staff));
        model.addAttribute("items", menu.items(staff));
        model.addAttribute("stores", stores.visibleTo(staff));
        model.addAttribute("saved", saved);
        return htmx != null ? "catalog/console :: body" : "catalog/console";
    }
}
