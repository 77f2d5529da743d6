package o2o.payments.alipay;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import o2o.payments.Payment;
import o2o.payments.Payments;
import o2o.shared.Problem;
import o2o.shared.QrCodes;
import o2o.shared.web.LocalPaths;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The page of an Alipay QR payment: the code to scan with the Alipay app, and a status that asks every two seconds
 * whether the payment went through, then goes on to where the payer came from (a path on this site only).
 */
@Controller
class AlipayPages {

    private final Payments payments;

    AlipayPages(Payments payments) {
        this.payments = payments;
    }

    static String pageOf(UUID paymentId, String returnUrl) {
        return "/pay/alipay/" + paymentId + (LocalPaths.isLocal(returnUrl) ? "?back=" + AlipayGateway.encode(returnUrl) : "");
    }

    @GetMapping("/pay/alipay/{paymentId}")
    String page(@PathVariable UUID paymentId, @RequestParam(defaultValue = "/") String back, Model model) {
        var payment = payment(paymentId);
        model.addAttribute("payment", payment);
        model.addAttribute("back", LocalPaths.orElse(back, "/"));
        return "payments/alipay-qr";
    }

    @GetMapping(path = "/pay/alipay/{paymentId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> qr(@PathVariable UUID paymentId) {
        var payment = payment(paymentId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.png(payment.providerRef(), 280));
    }

    /** The status fragment; once paid, htmx is told to go on to {@code back}. */
    @GetMapping("/pay/alipay/{paymentId}/status")
    String status(@PathVariable UUID paymentId, @RequestParam(defaultValue = "/") String back, Model model,
            HttpServletResponse response) {
        var payment = payment(paymentId);
        var next = LocalPaths.orElse(back, "/");
        if (payment.status() != Payment.Status.PENDING) response.setHeader("HX-Redirect", next);
        model.addAttribute("payment", payment);
        model.addAttribute("back", next);
        return "payments/alipay-qr :: status";
    }

    private Payment payment(UUID paymentId) {
        return payments.find(paymentId).filter(p -> p.provider().equals(AlipayGateway.NAME))
                .orElseThrow(() -> Problem.notFound("payment"));
    }
}
