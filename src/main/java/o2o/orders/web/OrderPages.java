package o2o.orders.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import o2o.identity.CustomerPrincipal;
import o2o.identity.Customers;
import o2o.identity.WechatAccount;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.payments.PaymentProvider;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer's orders, paying them (a deal's checkout ends here too), and the page the provider sends them back to. */
@Controller
class OrderPages {

    /** The merchant's first gateway; the deal page also offers each other gateway and stored value by name. */
    private static final String PROVIDER = Orders.ONLINE;

    private final Orders orders;
    private final Customers customers;

    OrderPages(Orders orders, Customers customers) {
        this.orders = orders;
        this.customers = customers;
    }

    @GetMapping("/me/orders")
    String list(CustomerPrincipal customer, Model model) {
        model.addAttribute("orders", orders.ofCustomer(customer));
        return "orders/list";
    }

    @GetMapping("/me/orders/{id}")
    String order(CustomerPrincipal customer, @PathVariable UUID id, Model model) {
        model.addAttribute("order", orders.ofCustomer(customer, id));
        return "orders/order";
    }

    /**
     * htmx: the status line, polled while the payment is being confirmed. Once the order has moved on, the whole page
     * is reloaded, since what can be done with it (pay, see the vouchers) changes too.
     */
    @GetMapping("/me/orders/{id}/status")
    String status(CustomerPrincipal customer, @PathVariable UUID id, Model model, HttpServletResponse response) {
        var order = orders.ofCustomer(customer, id);
        if (order.status() != OrderStatus.PENDING_PAYMENT) response.setHeader("HX-Refresh", "true");
        model.addAttribute("order", order);
        return "orders/order :: status";
    }

    /** Pays an unpaid order (again): off to the provider's page; a deal's checkout comes here with its provider. */
    @PostMapping("/me/orders/{id}/pay")
    @OnProblem(redirect = "/me/orders/{id}", errorPage = 404)
    String pay(CustomerPrincipal customer, @PathVariable UUID id, @RequestParam(defaultValue = PROVIDER) String provider,
            @RequestHeader(name = "User-Agent", defaultValue = "") String userAgent) {
        // inside WeChat, with the customer's verified openid, WeChat Pay opens in WeChat itself (JSAPI)
        var openid = userAgent.contains("MicroMessenger")
                ? customers.wechatOf(customer.customerId()).map(WechatAccount::openid).orElse(null) : null;
        var scene = openid == null ? PaymentProvider.Scene.PAGE : PaymentProvider.Scene.IN_WECHAT;
        return "redirect:" + orders.pay(customer, id, provider, "/me/orders/" + id, scene, openid).redirectUrl();
    }

    @PostMapping("/me/orders/{id}/cancel")
    @OnProblem(redirect = "/me/orders/{id}", errorPage = 404)
    String cancel(CustomerPrincipal customer, @PathVariable UUID id) {
        orders.cancel(customer, id);
        return "redirect:/me/orders/" + id;
    }
}
