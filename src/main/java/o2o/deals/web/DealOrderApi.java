package o2o.deals.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.deals.DealOrders;
import o2o.identity.CustomerPrincipal;
import o2o.orders.OrderResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class DealOrderApi {

    private final DealOrders dealOrders;

    DealOrderApi(DealOrders dealOrders) {
        this.dealOrders = dealOrders;
    }

    /** Places an order. The Idempotency-Key header is required: the same key again returns the same order. */
    @PostMapping("/api/v1/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderResponse place(CustomerPrincipal customer,
            @Parameter(required = true) @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody PlaceOrder request) {
        return OrderResponse.of(dealOrders.place(customer, request.dealId(), request.quantity(), request.couponId(),
                request.pointsToUse() == null ? 0 : request.pointsToUse()));
    }
}
