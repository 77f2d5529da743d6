package o2o.delivery.web;

import java.util.UUID;

import o2o.delivery.DeliveryDesk;
import o2o.delivery.DeliveryStatus;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The delivery orders on the kitchen display: an htmx fragment the table-order kitchen page loads by its address
 * (the modules share no code), listing the paid orders not picked up yet with their dishes, note and promised time,
 * and a button to take each new one in and to say each one is ready.
 */
@Controller
class DeliveryKitchen {

    private static final String BASE = "/merchant/stores/{storeId}/delivery/kitchen";

    private final DeliveryDesk desk;
    private final Stores stores;

    DeliveryKitchen(DeliveryDesk desk, Stores stores) {
        this.desk = desk;
        this.stores = stores;
    }

    @GetMapping(BASE)
    String kitchen(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        var store = stores.get(staff, storeId);
        model.addAttribute("store", store);
        model.addAttribute("orders", desk.orders(staff, storeId, null).stream()
                .filter(o -> o.delivery().status() != DeliveryStatus.PICKED_UP).toList());
        return "delivery/console-kitchen :: kitchen";
    }

    @PostMapping(BASE + "/{orderId}/accept")
    @OnProblem(render = "kitchen")
    String accept(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID orderId, Model model) {
        desk.accept(staff, new StoreId(storeId), new OrderId(orderId));
        return kitchen(staff, storeId, model);
    }

    @PostMapping(BASE + "/{orderId}/ready")
    @OnProblem(render = "kitchen")
    String ready(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID orderId, Model model) {
        desk.ready(staff, new StoreId(storeId), new OrderId(orderId));
        return kitchen(staff, storeId, model);
    }
}
