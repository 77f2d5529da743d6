package o2o.orders.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.identity.CustomerPrincipal;
import o2o.orders.Channel;
import o2o.orders.Order;
import o2o.orders.OrderLine;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.payments.Payment;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class OrderApi {

    private final Orders orders;

    OrderApi(Orders orders) {
        this.orders = orders;
    }

    /** {@code pointsToUse}: loyalty points to pay part of the order with, at the program's rate and within its cap. */
    record PlaceOrder(@NotNull UUID dealId, @NotNull @Min(1) @Max(100) Integer quantity, @Nullable UUID couponId,
            @Nullable @Min(0) @Max(1_000_000_000_000L) Long pointsToUse) {}

    record PayOrder(@NotBlank @Size(max = 30) String provider) {}

    record PaymentResponse(UUID id, Payment.Status status, String provider, Money amount, String redirectUrl) {

        static PaymentResponse of(Payment p) {
            return new PaymentResponse(p.id(), p.status(), p.provider(), p.amount(), p.redirectUrl());
        }
    }

    record OrderResponse(UUID id, UUID merchantId, Channel channel, OrderStatus status, List<OrderLine> lines,
            Money subtotalAmount, Money discountAmount, Money totalAmount, Money refundedAmount,
            @Nullable UUID couponId, Instant createdAt, Instant payBy, @Nullable Instant paidAt, long pointsUsed,
            Money pointsAmount) {

        static OrderResponse of(Order o) {
            return new OrderResponse(o.id(), o.merchantId(), o.channel(), o.status(), o.lines(), o.subtotal(),
                    o.discount(), o.total(), o.refunded(), o.couponId(), o.createdAt(), o.payBy(), o.paidAt(),
                    o.pointsUsed(), o.pointsValue());
        }
    }

    /** Places an order. The Idempotency-Key header is required: the same key again returns the same order. */
    @PostMapping("/api/v1/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderResponse place(CustomerPrincipal customer,
            @Parameter(required = true) @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody PlaceOrder request) {
        return OrderResponse.of(orders.placeDealOrder(customer, request.dealId(), request.quantity(),
                request.couponId(), request.pointsToUse() == null ? 0 : request.pointsToUse()));
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
