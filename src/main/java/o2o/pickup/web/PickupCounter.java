package o2o.pickup.web;

import java.util.UUID;

import o2o.identity.Role;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.pickup.Pickups;
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

/**
 * The counter's pick-up board, phone or tablet: paid orders by pick-up time with their items and notes, refreshing
 * itself every 5 s; ready, handed over and refund post back and redraw it. A stale tap (another colleague was
 * quicker) changes nothing and says so on the board.
 */
@Controller
class PickupCounter {

    private final Pickups pickups;
    private final Stores stores;

    PickupCounter(Pickups pickups, Stores stores) {
        this.pickups = pickups;
        this.stores = stores;
    }

    @FunctionalInterface
    private interface Move {
        void apply(StaffPrincipal staff, StoreId storeId, OrderId orderId);
    }

    @GetMapping("/merchant/stores/{storeId}/pickup")
    String counter(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        board(staff, storeId, model);
        return "pickup/counter";
    }

    @GetMapping("/merchant/stores/{storeId}/pickup/board")
    String boardFragment(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        board(staff, storeId, model);
        return "pickup/counter :: board";
    }

    @PostMapping("/merchant/stores/{storeId}/pickup/{orderId}/ready")
    @OnProblem(render = "refused", errorPage = 404)
    String ready(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID orderId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return move(staff, storeId, orderId, htmx, model, pickups::markReady);
    }

    @PostMapping("/merchant/stores/{storeId}/pickup/{orderId}/handed-over")
    @OnProblem(render = "refused", errorPage = 404)
    String handedOver(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID orderId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return move(staff, storeId, orderId, htmx, model, pickups::handOver);
    }

    @PostMapping("/merchant/stores/{storeId}/pickup/{orderId}/refund")
    @OnProblem(render = "refused", errorPage = 404)
    String refund(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID orderId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return move(staff, storeId, orderId, htmx, model, pickups::refund);
    }

    private String move(StaffPrincipal staff, UUID storeId, UUID orderId, @Nullable String htmx, Model model,
            Move move) {
        move.apply(staff, new StoreId(storeId), new OrderId(orderId));
        if (htmx == null) return "redirect:/merchant/stores/" + storeId + "/pickup";
        board(staff, storeId, model);
        return "pickup/counter :: board";
    }

    /** The board with the refusal on it; without htmx, the whole counter page. */
    String refused(StaffPrincipal staff, @PathVariable UUID storeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        board(staff, storeId, model);
        return htmx == null ? "pickup/counter" : "pickup/counter :: board";
    }

    private void board(StaffPrincipal staff, UUID storeId, Model model) {
        var store = stores.get(staff, storeId);
        model.addAttribute("store", store);
        model.addAttribute("orders", pickups.queue(staff, storeId, null));
        model.addAttribute("refunds", staff.role().manages() || staff.role() == Role.CASHIER);
    }
}
