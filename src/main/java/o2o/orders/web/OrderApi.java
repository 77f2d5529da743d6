package o2o.orders.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.CustomerPrincipal;
import o2o.orders.OrderResponse;
import o2o.orders.Orders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class OrderApi {

    private final Orders orders;

    OrderApi(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/api/v1/me/orders")
    List<OrderResponse> mine(CustomerPrincipal customer) {
        return orders.ofCustomer(customer).stream().map(OrderResponse::of).toList();
    }

    @GetMapping("/api/v1/me/orders/{id}")
    OrderResponse get(CustomerPrincipal customer, @PathVariable UUID id) {
        return OrderResponse.of(orders.ofCustomer(customer, id));
    }

    @PostMapping("/api/v1/orders/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    PaymentResponse pay(CustomerPrincipal customer, @PathVariable UUID id, @Valid @RequestBody PayOrder request) {
        return PaymentResponse.of(orders.pay(customer, id, request.provider(), "/me/orders/" + id));
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    OrderResponse cancel(CustomerPrincipal customer, @PathVariable UUID id) {
        return OrderResponse.of(orders.cancel(customer, id));
    }
}
