package o2o.deals.web;

import java.util.UUID;

import o2o.deals.DealOrders;
import o2o.identity.CustomerPrincipal;
import o2o.orders.OrderStatus;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Checkout from a deal's page: the order is placed here, then paid as any order is, on the orders' pay page. */
@Controller
class DealCheckoutPages {

    private final DealOrders dealOrders;

    DealCheckoutPages(DealOrders dealOrders) {
        this.dealOrders = dealOrders;
    }

    /**
     * A refused order shows on the deal; the form's {@code provider} goes on with the request to the pay page, where a
     * refused payment shows on the order.
     */
    @PostMapping("/deals/{dealId}/buy")
    @OnProblem(redirect = "/deals/{dealId}", errorPage = {})
    String buy(@Nullable Authentication authentication, @PathVariable UUID dealId,
            @RequestParam(defaultValue = "1") String quantity, @RequestParam(required = false) @Nullable UUID couponId,
            @RequestParam(defaultValue = "") String pointsToUse) {
        if (authentication == null || !(authentication.getPrincipal() instanceof CustomerPrincipal customer)) {
            return "redirect:/signin?next=/deals/" + dealId;
        }
        var order = dealOrders.place(customer, dealId, FormValues.number("quantity", quantity), couponId,
                FormValues.wholeNumber("pointsToUse", pointsToUse, 0));
        if (order.status() != OrderStatus.PENDING_PAYMENT) return "redirect:/me/orders/" + order.id();
        return "forward:/me/orders/" + order.id() + "/pay";
    }
}
