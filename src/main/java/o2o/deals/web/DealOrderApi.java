package o2o.deals.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import o2o.deals.DealOrders;
import o2o.identity.CustomerPrincipal;
import o2o.orders.OrderResponse;
import org.jspecify.annotations.Nullable;
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

    /** {@code pointsToUse}: loyalty points to pay part of the order with, at the program's rate and within its cap. */
    record PlaceOrder(@NotNull UUID dealId, @NotNull @Min(1) @Max(100) Integer quantity, @Nullable UUID couponId,
            @Nullable @Min(0) @Max(1_000_000_000_000L) Long pointsToUse) {}

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
