package o2o.tableorders.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import o2o.tableorders.Cart;
import o2o.tableorders.CartLine;
import o2o.tableorders.LineRequest;
import o2o.tableorders.Round;
import o2o.tableorders.TableOrders;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The table's shared cart and its rounds, for diners: a signed-in customer's token, or the diner cookie a scan of the
 * table left on the phone; the table's code is the capability. No open session at the table is a 409.
 */
@RestController
@Tag(name = "Ordering at the table")
class TableCartApi {

    private final TableOrders orders;
    private final TableDiners diners;

    TableCartApi(TableOrders orders, TableDiners diners) {
        this.orders = orders;
        this.diners = diners;
    }

    @GetMapping("/api/v1/tables/{code}/cart")
    Cart cart(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request) {
        diners.required(authentication, request);
        return orders.cart(orders.openTable(code).session().id());
    }

    /** Adds a dish; the same dish and options again by the same diner raises that line's quantity (at most 99). */
    @PostMapping("/api/v1/tables/{code}/cart/lines")
    @ResponseStatus(HttpStatus.CREATED)
    CartLine add(@PathVariable String code, @RequestBody LineRequest line, @Nullable Authentication authentication,
            HttpServletRequest request) {
        var diner = diners.required(authentication, request);
        return orders.add(orders.openTable(code), diner, line);
    }

    @PatchMapping("/api/v1/tables/{code}/cart/lines/{lineId}")
    CartLine change(@PathVariable String code, @PathVariable UUID lineId, @RequestBody Quantity quantity,
            @Nullable Authentication authentication, HttpServletRequest request) {
        diners.required(authentication, request);
        return orders.change(orders.openTable(code).session().id(), lineId, quantity.quantity());
    }

    @DeleteMapping("/api/v1/tables/{code}/cart/lines/{lineId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String code, @PathVariable UUID lineId, @Nullable Authentication authentication,
            HttpServletRequest request) {
        diners.required(authentication, request);
        orders.remove(orders.openTable(code).session().id(), lineId);
    }

    /** Sends the whole cart to the kitchen as the next round; 409 {@code table-cart-empty} when there is nothing. */
    @PostMapping("/api/v1/tables/{code}/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    Round submit(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request) {
        var diner = diners.required(authentication, request);
        return orders.submit(orders.openTable(code).session().id(), diner.key());
    }

    /** The table's rounds this session, oldest first, each dish with its state in the kitchen. */
    @GetMapping("/api/v1/tables/{code}/rounds")
    List<Round> rounds(@PathVariable String code, @Nullable Authentication authentication,
            HttpServletRequest request) {
        diners.required(authentication, request);
        return orders.rounds(orders.openTable(code).session().id());
    }
}
