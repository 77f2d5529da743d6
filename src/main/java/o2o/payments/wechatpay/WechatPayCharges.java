package o2o.payments.wechatpay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import o2o.payments.PaymentProvider.Charge;
import o2o.payments.PaymentProvider.ChargeRequest;
import o2o.payments.PaymentProvider.Scene;
import o2o.payments.PaymentsProperties;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Opening an order at WeChat Pay: a Native order whose code_url our own page shows as a QR code, or a JSAPI order
 * whose prepay id that page hands to WeChat's in-app cashier. The provider reference is the code_url or the prepay id.
 */
@Component
class WechatPayCharges {

    private static final Logger log = LoggerFactory.getLogger(WechatPayCharges.class);

    private final WechatPayClients clients;
    private final PaymentsProperties payments;

    WechatPayCharges(WechatPayClients clients, PaymentsProperties payments) {
        this.clients = clients;
        this.payments = payments;
    }

    /** Where WeChat Pay sends a merchant's notifications. */
    static String notifyUrl(PaymentsProperties payments, UUID merchantId) {
        return payments.notifyBaseUrl().replaceAll("/+$", "") + "/api/v1/payments/notify/wechatpay/" + merchantId;
    }

    Charge charge(ChargeRequest request) {
        if (!request.amount().currency().equals(WechatPayGateway.CNY)) {
            throw new InvalidInput("amount", "WeChat Pay takes CNY only");
        }
        var client = clients.of(request.merchantId());
        var description = request.description().length() > 127 ? request.description().substring(0, 127)
                : request.description();
        var page = "/pay/wechatpay/" + request.paymentId() + "?return="
                + URLEncoder.encode(request.returnUrl(), StandardCharsets.UTF_8);
        try {
            if (request.scene() == Scene.IN_WECHAT) return Charge.pending(jsapi(client, request, description), page);
            return Charge.pending(nativeCode(client, request, description), page);
        } catch (ServiceException e) {
            throw new Problem(HttpStatus.BAD_GATEWAY, "payment-gateway-refused",
                    "WeChat Pay refused the payment: " + e.getErrorMessage(), Map.of("code", String.valueOf(e.getErrorCode())),
                    String.valueOf(e.getErrorMessage()));
        } catch (WechatPayException | IllegalArgumentException e) {
            log.warn("WeChat Pay prepay of payment {} failed: {}", request.paymentId(), e.toString());
            throw new Problem(HttpStatus.BAD_GATEWAY, "payment-gateway-unavailable", "WeChat Pay could not be reached");
        }
    }

    /** The prepay id of a JSAPI order, for a payer whose openid we know. */
    private String jsapi(WechatPayClients.Client client, ChargeRequest request, String description) {
        if (request.payerOpenid() == null || request.payerOpenid().isBlank()) {
            throw new InvalidInput("payerOpenid", "a payment inside WeChat needs the payer's openid");
        }
        var settings = client.settings();
        var prepay = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
        prepay.setAppid(settings.appId());
        prepay.setMchid(settings.mchId());
        prepay.setDescription(description);
        prepay.setOutTradeNo(request.outTradeNo());
        prepay.setNotifyUrl(notifyUrl(payments, request.merchantId()));
        var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
        amount.setTotal(Math.toIntExact(request.amount().minor()));
        amount.setCurrency(WechatPayGateway.CNY.getCurrencyCode());
        prepay.setAmount(amount);
        var payer = new Payer();
        payer.setOpenid(request.payerOpenid());
        prepay.setPayer(payer);
        return client.jsapi().prepayWithRequestPayment(prepay).getPackageVal().substring("prepay_id=".length());
    }

    /** The code_url of a Native order. */
    private String nativeCode(WechatPayClients.Client client, ChargeRequest request, String description) {
        var settings = client.settings();
        var prepay = new PrepayRequest();
        prepay.setAppid(settings.appId());
        prepay.setMchid(settings.mchId());
        prepay.setDescription(description);
        prepay.setOutTradeNo(request.outTradeNo());
        prepay.setNotifyUrl(notifyUrl(payments, request.merchantId()));
        var amount = new Amount();
        amount.setTotal(Math.toIntExact(request.amount().minor()));
        amount.setCurrency(WechatPayGateway.CNY.getCurrencyCode());
        prepay.setAmount(amount);
        return client.natives().prepay(prepay).getCodeUrl();
    }
}
