package o2o.mallguide.web;

import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.mallguide.MallCarts;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A checked-out cart across a mall's tenants: each tenant's pick-up order with its number once paid, and paying. */
@Controller
class MallOrderPages {

    private final MallCarts carts;

    MallOrderPages(MallCarts carts) {
        this.carts = carts;
    }

    @GetMapping("/me/mall-orders/{groupId}")
    String order(CustomerPrincipal customer, @PathVariable UUID groupId, Model model) {
        model.addAttribute("cart", carts.ofCustomer(customer, groupId));
        return "mallguide/order";
    }

    /** The tenants' orders as they move (polled while one still waits for payment or its number). */
    @GetMapping("/me/mall-orders/{groupId}/status")
    String status(CustomerPrincipal customer, @PathVariable UUID groupId, Model model) {
        model.addAttribute("cart", carts.ofCustomer(customer, groupId));
        return "mallguide/order :: orders";
    }

    @PostMapping("/me/mall-orders/{groupId}/pay")
    @OnProblem(redirect = "/me/mall-orders/{groupId}", errorPage = 404)
    String pay(CustomerPrincipal customer, @PathVariable UUID groupId) {
        return "redirect:" + carts.pay(customer, groupId, "online").redirectUrl();
    }
}
