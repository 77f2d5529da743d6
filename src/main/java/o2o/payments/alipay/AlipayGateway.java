package o2o.payments.alipay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.alipay.api.AlipayApiException;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import o2o.payments.PaymentProvider;
import o2o.payments.PaymentsProperties;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Alipay on its official SDK, each merchant with its own app: mobile web pay for a page, precreate for a QR code, and
 * query, close, refund and refund query.
 */
@Component
class AlipayGateway implements PaymentProvider {

    static final String NAME = "alipay";

    private final AlipayClients clients;
    private final AlipayRefunds refunds;
    private final PaymentsProperties payments;

    AlipayGateway(AlipayClients clients, AlipayRefunds refunds, PaymentsProperties payments) {
        this.clients = clients;
        this.refunds = refunds;
        this.payments = payments;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean perMerchantAccount() {
        return true;
    }

    @Override
    public Map<String, Object> checkAccount(JsonNode settings) {
        var account = AlipayAccount.of(settings);
        clients.sdkClient(account);
        return account.shown();
    }

    @Override
    public Charge charge(ChargeRequest request) {
        var client = clients.of(request.merchantId());
        var subject = request.description().length() > 256 ? request.description().substring(0, 256)
                : request.description();
        return switch (request.scene()) {
            case PAGE -> page(client, request, subject);
            case QR -> qrCode(client, request, subject);
            case IN_WECHAT -> throw new InvalidInput("provider", "Alipay cannot be paid inside WeChat");
        };
    }

    private Charge page(AlipayClient client, ChargeRequest request, String subject) {
        var model = new AlipayTradeWapPayModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTotalAmount(Yuan.of(request.amount()));
        model.setSubject(subject);
        model.setProductCode("QUICK_WAP_WAY");
        model.setSellerId(client.account().sellerId());
        model.setQuitUrl(absolute(request.returnUrl()));
        var wap = new AlipayTradeWapPayRequest();
        wap.setBizModel(model);
        wap.setNotifyUrl(notifyUrl(request.merchantId()));
        wap.setReturnUrl(absolute(request.returnUrl()));
        try {
            return Charge.pending(request.outTradeNo(), client.sdk().pageExecute(wap, "GET").getBody());
        } catch (AlipayApiException e) {
            throw unavailable(e.getMessage());
        }
    }

    private Charge qrCode(AlipayClient client, ChargeRequest request, String subject) {
        var model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTotalAmount(Yuan.of(request.amount()));
        model.setSubject(subject);
        model.setSellerId(client.account().sellerId());
        var precreate = new AlipayTradePrecreateRequest();
        precreate.setBizModel(model);
        precreate.setNotifyUrl(notifyUrl(request.merchantId()));
        var response = client.execute(precreate);
        if (!response.isSuccess()) throw unavailable(response.getSubCode() + " " + response.getSubMsg());
        return Charge.pending(response.getQrCode(), AlipayPages.pageOf(request.paymentId(), request.returnUrl()));
    }

    @Override
    public Optional<ChargeStatus> query(PaymentRef payment) {
        var model = new AlipayTradeQueryModel();
        model.setOutTradeNo(payment.outTradeNo());
        var request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        var response = clients.of(payment.merchantId()).execute(request);
        if (!response.isSuccess()) {
            // a mobile web payment exists at Alipay only once the payer has opened its page
            if ("ACQ.TRADE_NOT_EXIST".equals(response.getSubCode())) {
                return Optional.of(new ChargeStatus(ChargeStatus.State.OPEN, null, null));
            }
            throw new IllegalStateException("alipay.trade.query: " + response.getSubCode() + " " + response.getSubMsg());
        }
        return Optional.of(switch (response.getTradeStatus()) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> new ChargeStatus(ChargeStatus.State.PAID,
                    Yuan.toFen(response.getTotalAmount()), response.getTradeNo());
            case "TRADE_CLOSED" -> new ChargeStatus(ChargeStatus.State.CLOSED, null, null);
            default -> new ChargeStatus(ChargeStatus.State.OPEN, null, null);
        });
    }

    @Override
    public void close(PaymentRef payment) {
        var model = new AlipayTradeCloseModel();
        model.setOutTradeNo(payment.outTradeNo());
        var request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        var response = clients.of(payment.merchantId()).execute(request);
        // a trade Alipay never saw cannot be paid any more either: it is as good as closed
        if (!response.isSuccess() && !"ACQ.TRADE_NOT_EXIST".equals(response.getSubCode())) {
            throw new IllegalStateException("alipay.trade.close: " + response.getSubCode() + " " + response.getSubMsg());
        }
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        return refunds.refund(request);
    }

    @Override
    public Optional<RefundOutcome> queryRefund(RefundRequest request) {
        return refunds.query(request);
    }

    private String notifyUrl(UUID merchantId) {
        return base() + "/api/v1/payments/notify/alipay/" + merchantId;
    }

    private String absolute(String url) {
        return url.startsWith("/") && !url.startsWith("//") ? base() + url : url;
    }

    private String base() {
        var base = payments.notifyBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static Problem unavailable(@Nullable String why) {
        return new Problem(HttpStatus.BAD_GATEWAY, "payment-gateway-error", "Alipay did not open the payment: " + why);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
