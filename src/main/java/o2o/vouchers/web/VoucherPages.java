package o2o.vouchers.web;

import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import o2o.vouchers.QrTokens;
import o2o.vouchers.Voucher;
import o2o.vouchers.Vouchers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer's vouchers: codes to show at the counter, QR codes that renew themselves, refunds. */
@Controller
class VoucherPages {

    private static final int QR_SIZE = 320;

    private final Vouchers vouchers;
    private final Orders orders;
    private final QrTokens qrTokens;
    private final PageText text;

    VoucherPages(Vouchers vouchers, Orders orders, QrTokens qrTokens, PageText text) {
        this.vouchers = vouchers;
        this.orders = orders;
        this.qrTokens = qrTokens;
        this.text = text;
    }

    /** All of them, or one order's. */
    @GetMapping("/me/vouchers")
    String list(CustomerPrincipal customer, @RequestParam(required = false) @Nullable UUID order, Model model) {
        var mine = vouchers.ofCustomer(customer).stream()
                .filter(v -> order == null || v.orderId().equals(order))
                .toList();
        model.addAttribute("vouchers", mine);
        model.addAttribute("order", order);
        model.addAttribute("issuing", order != null && mine.isEmpty()
                && orders.ofCustomer(customer, order).status() == OrderStatus.PAID);
        model.addAttribute("stamp", System.currentTimeMillis());
        return "vouchers/list";
    }

    /**
     * htmx, polled while a paid order's vouchers are being issued (that happens just after the payment is confirmed):
     * nothing yet, or reload the page.
     */
    @GetMapping("/me/vouchers/issued")
    ResponseEntity<Void> issued(CustomerPrincipal customer, @RequestParam UUID order) {
        var any = vouchers.ofOrder(order).stream().anyMatch(v -> v.customerId().equals(customer.customerId()));
        return any ? ResponseEntity.ok().header("HX-Refresh", "true").build() : ResponseEntity.noContent().build();
    }

    /** htmx: the QR image again (a fresh token), every minute while the page is open. */
    @GetMapping("/me/vouchers/{id}/qr")
    String qr(CustomerPrincipal customer, @PathVariable UUID id, Model model) {
        model.addAttribute("v", vouchers.ofCustomer(customer, id));
        model.addAttribute("stamp", System.currentTimeMillis());
        return "vouchers/list :: qr";
    }

    /** The page's own QR route: the API's is for bearer tokens, pages have a session. */
    @GetMapping(path = "/me/vouchers/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> qrPng(CustomerPrincipal customer, @PathVariable UUID id) {
        var voucher = vouchers.ofCustomer(customer, id);
        if (voucher.status() != Voucher.Status.ISSUED) throw Problem.notFound("voucher");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(qrTokens.png(qrTokens.issue(voucher.id()), QR_SIZE));
    }

    /** A refused refund shows under its voucher, which {@code voucherId} names. */
    @PostMapping("/me/vouchers/{voucherId}/refund")
    @OnProblem(redirect = "/me/vouchers", keep = "voucherId", errorPage = 404)
    String refund(CustomerPrincipal customer, @PathVariable UUID voucherId, RedirectAttributes redirect) {
        var voucher = vouchers.refund(customer, voucherId);
        redirect.addFlashAttribute("refunded", voucher.id());
        return "redirect:/me/vouchers";
    }
}
