package o2o.tableorders.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import o2o.catalog.Menu;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import o2o.tableorders.CartLine;
import o2o.tableorders.Diner;
import o2o.tableorders.LineRequest;
import o2o.tableorders.OpenTable;
import o2o.tableorders.TableOrders;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The diner's page at the table, phone first: the store's menu with "add" buttons, the table's shared cart (everyone's
 * lines, who added them, refreshing itself), "send to the kitchen", and the table's rounds with each dish's state. A
 * phone that has not scanned the table yet (no diner key, not signed in) is sent through the scan first.
 */
@Controller
class TableOrderPages {

    private final TableOrders orders;
    private final TableDiners diners;
    private final Menu menu;
    private final Stores stores;
    private final PageText text;

    TableOrderPages(TableOrders orders, TableDiners diners, Menu menu, Stores stores, PageText text) {
        this.orders = orders;
        this.diners = diners;
        this.menu = menu;
        this.stores = stores;
        this.text = text;
    }

    @GetMapping("/t/{code}/order")
    @OnProblem(render = "closed", errorPage = {})
    String page(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request,
            Model model) {
        var diner = diners.of(authentication, request);
        if (diner == null) return "redirect:/t/" + UriUtils.encodePathSegment(code, "UTF-8");
        var at = orders.openTable(code);
        var store = stores.find(at.table().storeId()).orElseThrow(() -> Problem.notFound("table"));
        model.addAttribute("store", store);
        model.addAttribute("menu", menu.menuOf(store.id()));
        panel(at, diner, model);
        return "tableorders/order";
    }

    /** The cart and the rounds, polled every few seconds so that everyone at the table sees the same. */
    @GetMapping("/t/{code}/order/panel")
    @OnProblem(render = "refused", errorPage = {})
    String panel(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request,
            Model model) {
        return after(code, diners.required(authentication, request), model, at -> {});
    }

    @PostMapping("/t/{code}/order/lines")
    @OnProblem(render = "refused", errorPage = {})
    String add(@PathVariable String code, @RequestParam(required = false) @Nullable UUID itemId,
            @RequestParam(required = false) @Nullable List<UUID> optionIds,
            @RequestParam(defaultValue = "1") int quantity, @RequestParam(required = false) @Nullable String note,
            @Nullable Authentication authentication, HttpServletRequest request, Model model) {
        var diner = diners.required(authentication, request);
        return after(code, diner, model,
                at -> orders.add(at, diner, new LineRequest(itemId, optionIds, quantity, note)));
    }

    @PostMapping("/t/{code}/order/lines/{lineId}/quantity")
    @OnProblem(render = "refused", errorPage = {})
    String change(@PathVariable String code, @PathVariable UUID lineId, @RequestParam int quantity,
            @Nullable Authentication authentication, HttpServletRequest request, Model model) {
        return after(code, diners.required(authentication, request), model,
                at -> orders.change(at.session().id(), lineId, quantity));
    }

    @PostMapping("/t/{code}/order/lines/{lineId}/remove")
    @OnProblem(render = "refused", errorPage = {})
    String remove(@PathVariable String code, @PathVariable UUID lineId, @Nullable Authentication authentication,
            HttpServletRequest request, Model model) {
        return after(code, diners.required(authentication, request), model,
                at -> orders.remove(at.session().id(), lineId));
    }

    @PostMapping("/t/{code}/order/rounds")
    @OnProblem(render = "refused", errorPage = {})
    String submit(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request,
            Model model) {
        var diner = diners.required(authentication, request);
        return after(code, diner, model, at -> {
            orders.submit(at.session().id(), diner.key());
            model.addAttribute("sent", true);
        });
    }

    private interface Action {
        void run(OpenTable at);
    }

    /** Runs the diner's action and answers with the panel. */
    private String after(String code, Diner diner, Model model, Action action) {
        var at = orders.openTable(code);
        action.run(at);
        panel(at, diner, model);
        return "tableorders/order :: panel";
    }

    /** A table nobody is seated at any more says so; any other problem is the error page. */
    String closed(@PathVariable String code, Problem problem, Model model) {
        if (!problem.slug().equals("table-not-open")) throw problem;
        model.addAttribute("code", code);
        return "tableorders/closed";
    }

    /**
     * A closed table answers with its notice; a refusal of the diner's action (sold out, empty cart…) is shown in
     * the panel, which opening the table again draws as it stands.
     */
    String refused(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request,
            Problem problem, Model model) {
        if (problem.slug().equals("table-not-open")) {
            model.addAttribute("code", code);
            return "tableorders/closed :: closed";
        }
        var at = orders.openTable(code);
        model.addAttribute("problem", text.problem(problem));
        panel(at, diners.required(authentication, request), model);
        return "tableorders/order :: panel";
    }

    private void panel(OpenTable at, Diner diner, Model model) {
        var cart = orders.cart(at.session().id());
        model.addAttribute("table", at.table());
        model.addAttribute("cart", cart);
        model.addAttribute("lines", cart.lines().stream().map(l -> view(l, diner)).toList());
        model.addAttribute("rounds", orders.rounds(at.session().id()));
    }

    private LineView view(CartLine line, Diner diner) {
        if (line.addedBy().equals(diner.key())) return new LineView(line, true, text.message("tableorders.who.me"));
        if (line.addedBy().startsWith("staff:")) {
            return new LineView(line, false, text.message("tableorders.who.staff"));
        }
        var key = line.addedBy().replace("-", "");
        return new LineView(line, false,
                text.message("tableorders.who.diner", key.substring(key.length() - 4).toUpperCase()));
    }
}
