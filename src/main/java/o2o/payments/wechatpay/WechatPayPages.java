package o2o.payments.wechatpay;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Our own cashier page for a WeChat Pay payment: the Native code_url as a QR code to scan with WeChat, or, inside
 * WeChat, the signed parameters its in-app cashier ({@code getBrandWCPayRequest}) takes. Either way the page polls the
 * payment and goes on to where the payer came from once it is no longer pending.
 */
@Controller
class WechatPayPages {

    private static final int QR_SIZE = 280;
    private static final SecureRandom random = new SecureRandom();

    private final Payments payments;
    private final WechatPayClients clients;
    private final JsonMapper json;
    private final Clock clock;

    WechatPayPages(Payments payments, WechatPayClients clients, JsonMapper json, Clock clock) {
        this.payments = payments;
        this.clients = clients;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/pay/wechatpay/{paymentId}")
    String page(@PathVariable UUID paymentId, @RequestParam(name = "return", defaultValue = "/me/orders") String back,
            Model model) {
        var payment = payment(paymentId);
        var returnUrl = LocalPaths.orElse(back, "/me/orders");
        if (payment.status() != Payment.Status.PENDING) return "redirect:" + returnUrl;
        model.addAttribute("payment", payment);
        model.addAttribute("returnUrl", returnUrl);
        var scan = payment.providerRef().startsWith(WechatPayGateway.NATIVE_PREFIX);
        model.addAttribute("scan", scan);
        if (!scan) model.addAttribute("bridge", json.writeValueAsString(requestPayment(payment)));
        return "payments/wechatpay-pay";
    }

    @GetMapping(path = "/pay/wechatpay/{paymentId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable UUID paymentId) {
        var payment = payment(paymentId);
        if (!payment.providerRef().startsWith(WechatPayGateway.NATIVE_PREFIX)) throw Problem.notFound("payment");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.png(payment.providerRef(), QR_SIZE));
    }

    /** htmx: polled while pending; once the payment is decided the payer is sent on. */
    @GetMapping("/pay/wechatpay/{paymentId}/status")
    String status(@PathVariable UUID paymentId, @RequestParam(name = "return", defaultValue = "/me/orders") String back,
            Model model, HttpServletResponse response) {
        var payment = payment(paymentId);
        var returnUrl = LocalPaths.orElse(back, "/me/orders");
        if (payment.status() != Payment.Status.PENDING) response.setHeader("HX-Redirect", returnUrl);
        model.addAttribute("payment", payment);
        model.addAttribute("returnUrl", returnUrl);
        return "payments/wechatpay-pay :: status";
    }

    private Payment payment(UUID paymentId) {
        return payments.find(paymentId).filter(p -> p.provider().equals(WechatPayClients.PROVIDER))
                .orElseThrow(() -> Problem.notFound("payment"));
    }

    /** What WeixinJSBridge's getBrandWCPayRequest takes, signed with the merchant's API key as the SDK does. */
    private Map<String, String> requestPayment(Payment payment) {
        var client = clients.of(payment.merchantId());
        var appId = client.settings().appId();
        var timestamp = String.valueOf(clock.instant().getEpochSecond());
        var nonce = HexFormat.of().formatHex(random.generateSeed(16));
        var pkg = "prepay_id=" + payment.providerRef();
        var sign = client.signer().sign(appId + "\n" + timestamp + "\n" + nonce + "\n" + pkg + "\n").getSign();
        var bridge = new LinkedHashMap<String, String>();
        bridge.put("appId", appId);
        bridge.put("timeStamp", timestamp);
        bridge.put("nonceStr", nonce);
        bridge.put("package", pkg);
        bridge.put("signType", "RSA");
        bridge.put("paySign", sign);
        return bridge;
    }
}
