package o2o.loyalty.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.loyalty.PointsMall;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Points mall")
class PointsMallApi {

    private final PointsMall mall;

    PointsMallApi(PointsMall mall) {
        this.mall = mall;
    }

    @PostMapping("/api/v1/merchant/points-mall/items")
    @ResponseStatus(HttpStatus.CREATED)
    ItemResponse offer(StaffPrincipal staff, @Valid @RequestBody ItemRequest request) {
        return ItemResponse.of(mall.offer(staff, request.couponTemplateId(), request.points(), request.stock()));
    }

    @GetMapping("/api/v1/merchant/points-mall/items")
    List<ItemResponse> mine(StaffPrincipal staff) {
        return mall.itemsOf(staff).stream().map(ItemResponse::of).toList();
    }

    @DeleteMapping("/api/v1/merchant/points-mall/items/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(StaffPrincipal staff, @PathVariable UUID id) {
        mall.withdraw(staff, id);
    }

    @GetMapping("/api/v1/points-mall")
    List<ItemResponse> onOffer(@RequestParam UUID merchantId) {
        return mall.onOffer(merchantId).stream().map(ItemResponse::of).toList();
    }

    /** Exchanges points for the item's coupon. The Idempotency-Key header is required. */
    @PostMapping("/api/v1/points-mall/items/{id}/exchange")
    @ResponseStatus(HttpStatus.CREATED)
    ExchangeResponse exchange(CustomerPrincipal customer, @PathVariable UUID id,
            @Parameter(required = true) @RequestHeader("Idempotency-Key") String idempotencyKey) {
        var exchange = mall.exchange(customer.id(), id, idempotencyKey);
        return new ExchangeResponse(exchange.itemId(), exchange.points(), exchange.coupon(), exchange.balance());
    }
}
