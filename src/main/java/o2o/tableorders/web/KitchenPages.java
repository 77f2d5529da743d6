package o2o.tableorders.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.catalog.Menu;
import o2o.catalog.OptionGroup;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.shared.StoreId;
import o2o.shared.web.OnProblem;
import o2o.tableorders.ItemState;
import o2o.tableorders.Kitchen;
import o2o.tableorders.LineRequest;
import o2o.tableorders.TableOrders;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's service pages: the kitchen display (tickets by round, polled every 3 s, a button per dish for its next
 * state) and the waiter's board of tables, where a waiter also orders for a table.
 */
@Controller
class KitchenPages {

    private final Kitchen kitchen;
    private final TableOrders orders;
    private final Menu menu;

    KitchenPages(Kitchen kitchen, TableOrders orders, Menu menu) {
        this.kitchen = kitchen;
        this.orders = orders;
        this.menu = menu;
    }

    @GetMapping("/merchant/stores/{storeId}/kitchen")
    String kitchen(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        tickets(staff, storeId, model);
        return "tableorders/kitchen";
    }

    @GetMapping("/merchant/stores/{storeId}/kitchen/tickets")
    String ticketsFragment(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        tickets(staff, storeId, model);
        return "tableorders/kitchen :: tickets";
    }

    /** A dish's button: its next state; a colleague's earlier click shows as a notice and moves nothing. */
    @PostMapping("/merchant/stores/{storeId}/kitchen/items/{itemId}/state")
    @OnProblem(render = "ticketsFragment")
    String move(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID itemId,
            @RequestParam(required = false) @Nullable ItemState state, Model model) {
        kitchen.move(staff, new StoreId(storeId), itemId, state);
        return ticketsFragment(staff, storeId, model);
    }

    @GetMapping("/merchant/stores/{storeId}/service")
    String service(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        board(staff, storeId, model);
        return "tableorders/service";
    }

    @GetMapping("/merchant/stores/{storeId}/service/board")
    String boardFragment(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        board(staff, storeId, model);
        return "tableorders/service :: board";
    }

    /** The waiter orders a dish for a table: a round of its own, straight to the kitchen. */
    @PostMapping("/merchant/stores/{storeId}/service/tables/{tableId}/rounds")
    @OnProblem(render = "boardFragment")
    String staffRound(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID tableId,
            @RequestParam(defaultValue = "") String dish, @RequestParam(defaultValue = "1") int quantity,
            @RequestParam(required = false) @Nullable String note, Model model) {
        orders.staffRound(staff, tableId, List.of(line(dish, quantity, note)));
        return boardFragment(staff, storeId, model);
    }

    private void tickets(StaffPrincipal staff, UUID storeId, Model model) {
        model.addAttribute("store", kitchen.kitchenStore(staff, storeId));
        model.addAttribute("tickets", kitchen.tickets(staff, storeId));
    }

    private void board(StaffPrincipal staff, UUID storeId, Model model) {
        var tables = kitchen.service(staff, storeId);
        model.addAttribute("store", kitchen.serviceStore(staff, storeId));
        model.addAttribute("tables", tables);
        model.addAttribute("canOrder", orders.ordersForTables(staff));
        model.addAttribute("choices", choices(storeId));
    }

    /** "itemId" or "itemId:optionId,optionId", from the form's one select. */
    private static LineRequest line(String dish, int quantity, @Nullable String note) {
        var parts = dish.split(":", 2);
        try {
            var item = UUID.fromString(parts[0]);
            var options = new ArrayList<UUID>();
            if (parts.length > 1 && !parts[1].isEmpty()) {
                for (var option : parts[1].split(",")) options.add(UUID.fromString(option));
            }
            return new LineRequest(item, options, quantity, note);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("dish", "choose a dish");
        }
    }

    /** Every dish of the store's menu with each combination of its required groups' single choices. */
    private List<Choice> choices(UUID storeId) {
        var choices = new ArrayList<Choice>();
        for (var section : menu.menuOf(storeId).categories()) {
            for (var dish : section.items()) {
                var required = dish.optionGroups().stream().filter(OptionGroup::required).toList();
                if (required.stream().anyMatch(g -> g.minChoices() > 1)) continue;
                combine(dish.id().toString(), dish.name(), dish.soldOut(), required, 0, List.of(), List.of(),
                        choices);
            }
        }
        return choices;
    }

    private static void combine(String item, String name, boolean soldOut, List<OptionGroup> groups, int at,
            List<String> ids, List<String> names, List<Choice> into) {
        if (at == groups.size()) {
            var value = ids.isEmpty() ? item : item + ":" + String.join(",", ids);
            var label = names.isEmpty() ? name : name + " · " + String.join(" · ", names);
            into.add(new Choice(value, label, soldOut));
            return;
        }
        for (var option : groups.get(at).options()) {
            var moreIds = new ArrayList<>(ids);
            moreIds.add(option.id().toString());
            var moreNames = new ArrayList<>(names);
            moreNames.add(option.name());
            combine(item, name, soldOut, groups, at + 1, moreIds, moreNames, into);
        }
    }
}
