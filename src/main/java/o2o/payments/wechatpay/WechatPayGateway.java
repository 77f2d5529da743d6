package o2o.payments.wechatpay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import o2o.payments.PaymentProvider;
import o2o.payments.PaymentsProperties;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * WeChat Pay v3 on the official SDK, with each merchant's own account: Native (a QR code the payer scans, for a page
 * or a printed code) and JSAPI (inside WeChat, for a payer whose openid we know). Payments are confirmed by the
 * notification {@link WechatPayNotifyApi} verifies, or by {@link #query} when none came.
 */
@Component
class WechatPayGateway implements PaymentProvider {

    static final Currency CNY = Currency.getInstance("CNY");
    static final String NATIVE_PREFIX = "weixin://";
    /** Refused now, but not for good: the merchant's balance, a rate limit, our own keys being replaced. */
    private static final Set<String> RETRIED_CODES = Set.of("NOT_ENOUGH", "FREQUENCY_LIMITED", "SYSTEM_ERROR",
            "SIGN_ERROR", "FREQUENCY_LIMIT_EXCEED");

    private static final Logger log = LoggerFactory.getLogger(WechatPayGateway.class);

    private final WechatPayClients clients;
    private final PaymentsProperties payments;

    WechatPayGateway(WechatPayClients clients, PaymentsProperties payments) {
        this.clients = clients;
        this.payments = payments;
    }

    @Override
    public String name() {
        return WechatPayClients.PROVIDER;
    }

    @Override
    public boolean perMerchantAccount() {
        return true;
    }

    @Override
    public Map<String, Object> checkAccount(JsonNode settings) {
        return WechatPaySettings.of(settings).shown();
    }

    /**
     * A Native order whose code_url our own page shows as a QR code, or a JSAPI order whose prepay id that page hands to
     * WeChat's in-app cashier. The provider reference is the code_url or the prepay id.
     */
    @Override
    public Charge charge(ChargeRequest request) {
        if (!request.amount().currency().equals(CNY)) throw new InvalidInput("amount", "WeChat Pay takes CNY only");
        var client = clients.of(request.merchantId());
        var settings = client.settings();
        var notifyUrl = payments.notifyBaseUrl().replaceAll("/+$", "") + "/api/v1/payments/notify/wechatpay/"
                + request.merchantId();
        var description = request.description().length() > 127 ? request.description().substring(0, 127)
                : request.description();
        var page = "/pay/wechatpay/" + request.paymentId() + "?return="
                + URLEncoder.encode(request.returnUrl(), StandardCharsets.UTF_8);
        try {
            if (request.scene() == Scene.IN_WECHAT) {
                if (request.payerOpenid() == null || request.payerOpenid().isBlank()) {
                    throw new InvalidInput("payerOpenid", "a payment inside WeChat needs the payer's openid");
                }
                var prepay = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
                prepay.setAppid(settings.appId());
                prepay.setMchid(settings.mchId());
                prepay.setDescription(description);
                prepay.setOutTradeNo(request.outTradeNo());
                prepay.setNotifyUrl(notifyUrl);
                var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
                amount.setTotal(Math.toIntExact(request.amount().minor()));
                amount.setCurrency(CNY.getCurrencyCode());
                prepay.setAmount(amount);
                var payer = new Payer();
                payer.setOpenid(request.payerOpenid());
                prepay.setPayer(payer);
                var prepayId = client.jsapi().prepayWithRequestPayment(prepay).getPackageVal()
                        .substring("prepay_id=".length());
                return Charge.pending(prepayId, page);
            }
            var prepay = new PrepayRequest();
            prepay.setAppid(settings.appId());
            prepay.setMchid(settings.mchId());
            prepay.setDescription(description);
            prepay.setOutTradeNo(request.outTradeNo());
            prepay.setNotifyUrl(notifyUrl);
            var amount = new Amount();
            amount.setTotal(Math.toIntExact(request.amount().minor()));
            amount.setCurrency(CNY.getCurrencyCode());
            prepay.setAmount(amount);
            return Charge.pending(client.natives().prepay(prepay).getCodeUrl(), page);
        } catch (ServiceException e) {
            throw new Problem(HttpStatus.BAD_GATEWAY, "payment-gateway-refused",
                    "WeChat Pay refused the payment: " + e.getErrorMessage(), Map.of("code", String.valueOf(e.getErrorCode())),
                    String.valueOf(e.getErrorMessage()));
        } catch (WechatPayException | IllegalArgumentException e) {
            log.warn("WeChat Pay prepay of payment {} failed: {}", request.paymentId(), e.toString());
            throw new Problem(HttpStatus.BAD_GATEWAY, "payment-gateway-unavailable", "WeChat Pay could not be reached");
        }
    }

    @Override
    public Optional<ChargeStatus> query(PaymentRef payment) {
        var client = clients.of(payment.merchantId());
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(client.settings().mchId());
        request.setOutTradeNo(payment.outTradeNo());
        Transaction transaction = client.natives().queryOrderByOutTradeNo(request);
        return Optional.of(switch (transaction.getTradeState()) {
            case SUCCESS, REFUND -> new ChargeStatus(ChargeStatus.State.PAID, paid(transaction),
                    transaction.getTransactionId());
            case CLOSED, PAYERROR, REVOKED -> new ChargeStatus(ChargeStatus.State.CLOSED, null, null);
            case NOTPAY, USERPAYING, ACCEPT -> new ChargeStatus(ChargeStatus.State.OPEN, null, null);
        });
    }

    /** The order's total: what was charged to the payer plus any WeChat Pay coupon the payer used on it. */
    private static Money paid(Transaction transaction) {
        var amount = transaction.getAmount();
        var fen = amount.getTotal() != null ? amount.getTotal() : amount.getPayerTotal();
        return new Money(fen, CNY);
    }

    @Override
    public void close(PaymentRef payment) {
        var client = clients.of(payment.merchantId());
        var request = new CloseOrderRequest();
        request.setMchid(client.settings().mchId());
        request.setOutTradeNo(payment.outTradeNo());
        client.natives().closeOrder(request);
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        var client = clients.of(request.merchantId());
        var create = new CreateRequest();
        create.setOutTradeNo(request.outTradeNo());
        create.setOutRefundNo(request.outRefundNo());
        create.setReason(request.reason().length() > 80 ? request.reason().substring(0, 80) : request.reason());
        create.setNotifyUrl(payments.notifyBaseUrl().replaceAll("/+$", "") + "/api/v1/payments/notify/wechatpay/"
                + request.merchantId());
        var amount = new AmountReq();
        amount.setRefund(request.amount().minor());
        amount.setTotal(request.paid().minor());
        amount.setCurrency(CNY.getCurrencyCode());
        create.setAmount(amount);
        try {
            return outcome(client.refunds().create(create));
        } catch (ServiceException e) {
            if (e.getHttpStatusCode() >= 500 || e.getHttpStatusCode() == 429 || RETRIED_CODES.contains(e.getErrorCode())) {
                throw e;
            }
            throw new RefundRejected(e.getErrorCode() + ": " + e.getErrorMessage());
        }
    }

    @Override
    public Optional<RefundOutcome> queryRefund(RefundRequest request) {
        var client = clients.of(request.merchantId());
        var query = new QueryByOutRefundNoRequest();
        query.setOutRefundNo(request.outRefundNo());
        return Optional.of(outcome(client.refunds().queryByOutRefundNo(query)));
    }

    private static RefundOutcome outcome(Refund refund) {
        return switch (refund.getStatus()) {
            case SUCCESS -> RefundOutcome.SUCCEEDED;
            case PROCESSING -> RefundOutcome.PROCESSING;
            case ABNORMAL, CLOSED -> throw new RefundRejected("WeChat Pay says the refund is " + refund.getStatus());
        };
    }
}
