package o2o.delivery.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import o2o.delivery.DeliveryDesk;
import o2o.delivery.DeliveryOrder;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
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
 * A store's delivery console, phone or tablet: the orders under way with accept, ready and (managers) cancel; the
 * dispatch board (batches of nearby orders with the nearest free courier, one tap to give them the batch; the
 * couriers on shift with what they carry); a manager gives an order to another courier. It refreshes itself every
 * 5 s; a stale tap (a colleague was quicker) changes nothing and says so on the board.
 */
@Controller
class DeliveryConsole {

    private static final String BASE = "/merchant/stores/{storeId}/delivery";

    private final DeliveryDesk desk;
    private final Stores stores;

    DeliveryConsole(DeliveryDesk desk, Stores stores) {
        this.desk = desk;
        this.stores = stores;
    }

    @FunctionalInterface
    private interface Move {
        void apply(StaffPrincipal staff, StoreId storeId, OrderId orderId);
    }

    @GetMapping(BASE)
    String console(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        board(staff, storeId, model);
        return "delivery/console";
    }

    @GetMapping(BASE + "/board")
    String boardFragment(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        board(staff, storeId, model);
        return "delivery/console :: board";
    }

    @PostMapping(BASE + "/orders/{orderId}/accept")
    @OnProblem(render = "refused", errorPage = 404)
    String accept(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID orderId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return move(staff, storeId, orderId, htmx, model, desk::accept);
    }

    @PostMapping(BASE + "/orders/{orderId}/ready")
    @OnProblem(render = "refused", errorPage = 404)
    String ready(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID orderId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return move(staff, storeId, orderId, htmx, model, desk::ready);
    }

    @PostMapping(BASE + "/orders/{orderId}/cancel")
    @OnProblem(render = "refused", errorPage = {403, 404})
    String cancel(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID orderId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return move(staff, storeId, orderId, htmx, model, desk::cancel);
    }

    /** A manager gives one order to a courier (for the first time or instead of another). */
    @PostMapping(BASE + "/orders/{orderId}/assign")
    @OnProblem(render = "refused", errorPage = {403, 404})
    String assign(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID orderId,
            @RequestParam(required = false) @Nullable UUID courierId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var courier = required(courierId);
        return move(staff, storeId, orderId, htmx, model, (s, store, order) -> desk.assign(s, store, order, courier));
    }

    /** A manager gives a suggested batch to the suggested courier, in one tap. */
    @PostMapping(BASE + "/dispatch")
    @OnProblem(render = "refused", errorPage = {403, 404})
    String dispatch(StaffPrincipal staff, @PathVariable UUID storeId,
            @RequestParam(required = false) @Nullable List<UUID> orderIds,
            @RequestParam(required = false) @Nullable UUID courierId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var courier = required(courierId);
        if (orderIds == null || orderIds.isEmpty() || orderIds.size() > 20) {
            throw new InvalidInput("orderIds", "1 to 20 orders");
        }
        for (var orderId : orderIds) desk.assign(staff, new StoreId(storeId), new OrderId(orderId), courier);
        return after(staff, storeId, htmx, model);
    }

    /** The board with the refusal on it; without htmx, the whole console. */
    String refused(StaffPrincipal staff, @PathVariable UUID storeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        board(staff, storeId, model);
        return htmx == null ? "delivery/console" : "delivery/console :: board";
    }

    private String move(StaffPrincipal staff, UUID storeId, UUID orderId, @Nullable String htmx, Model model,
            Move move) {
        move.apply(staff, new StoreId(storeId), new OrderId(orderId));
        return after(staff, storeId, htmx, model);
    }

    private String after(StaffPrincipal staff, UUID storeId, @Nullable String htmx, Model model) {
        if (htmx == null) return "redirect:/merchant/stores/" + storeId + "/delivery";
        board(staff, storeId, model);
        return "delivery/console :: board";
    }

    private static UUID required(@Nullable UUID courierId) {
        if (courierId == null) throw new InvalidInput("courierId", "choose a courier");
        return courierId;
    }

    private void board(StaffPrincipal staff, UUID storeId, Model model) {
        var store = stores.get(staff, storeId);
        var orders = desk.orders(staff, storeId, null);
        var byId = new LinkedHashMap<UUID, DeliveryOrder>();
        for (var o : orders) byId.put(o.orderId().value(), o);
        model.addAttribute("store", store);
        model.addAttribute("orders", orders);
        model.addAttribute("byId", byId);
        model.addAttribute("suggestions", desk.suggestions(staff, storeId));
        model.addAttribute("couriers", desk.couriers(staff, storeId));
        model.addAttribute("manages", staff.role().manages());
    }
}
