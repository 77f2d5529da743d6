package o2o.tableorders.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.shared.StoreId;
import o2o.tableorders.Kitchen;
import o2o.tableorders.Kitchen.TableService;
import o2o.tableorders.Kitchen.Ticket;
import o2o.tableorders.Round;
import o2o.tableorders.RoundItem;
import o2o.tableorders.TableOrders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The store's staff: the kitchen's tickets and the moves of each dish, the waiter's board, ordering for a table. */
@RestController
@Tag(name = "Merchant: kitchen and service")
class KitchenApi {

    private final Kitchen kitchen;
    private final TableOrders orders;

    KitchenApi(Kitchen kitchen, TableOrders orders) {
        this.kitchen = kitchen;
        this.orders = orders;
    }

    /** The rounds with a dish still to cook or serve, oldest first. */
    @GetMapping("/api/v1/merchant/stores/{storeId}/kitchen")
    List<Ticket> tickets(StaffPrincipal staff, @PathVariable UUID storeId) {
        return kitchen.tickets(staff, storeId);
    }

    /** COOKING (from NEW), SERVED (from COOKING) or VOIDED (not yet served); a stale move is a 409. */
    @PostMapping("/api/v1/merchant/stores/{storeId}/round-items/{itemId}/state")
    RoundItem move(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID itemId,
            @RequestBody Move move) {
        return kitchen.move(staff, new StoreId(storeId), itemId, move.state());
    }

    /** Every table of the store: free, seated, ordering, in the kitchen or served, with its rounds. */
    @GetMapping("/api/v1/merchant/stores/{storeId}/service")
    List<TableService> service(StaffPrincipal staff, @PathVariable UUID storeId) {
        return kitchen.service(staff, storeId);
    }

    /** A waiter orders for the table: a round straight to the kitchen. */
    @PostMapping("/api/v1/merchant/tables/{tableId}/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    Round staffRound(StaffPrincipal staff, @PathVariable UUID tableId, @RequestBody StaffRound round) {
        return orders.staffRound(staff, tableId, round.lines());
    }
}
