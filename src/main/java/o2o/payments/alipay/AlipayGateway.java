package o2o.payments.alipay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.payments.PaymentProvider;
import o2o.payments.PaymentsProperties;
import o2o.payments.ProviderAccounts;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Alipay on its official SDK, each merchant with its own app: mobile web pay for a page, precreate for a QR code, and
 * query, close, refund and refund query. One SDK client per merchant, kept while the merchant's settings stay the same.
 * Calls in certificate mode go through {@code certificateExecute}, as the SDK requires.
 */
@Component
class AlipayGateway implements PaymentProvider {

    static final String NAME = "alipay";
    private static final String CHARSET = "UTF-8";
    private static final String SIGN_TYPE = "RSA2";

    /** Refund answers that a later call with the same number can turn out differently: not a refusal. */
    private static final Set<String> TRANSIENT_REFUND_ERRORS = Set.of("ACQ.SYSTEM_ERROR", "ACQ.SELLER_BALANCE_NOT_ENOUGH",
            "ACQ.REFUND_CHARGE_ERROR");

    private final ProviderAccounts accounts;
    private final AlipayProperties properties;
    private final PaymentsProperties payments;
    private final Cache<UUID, Client> clients = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    AlipayGateway(ProviderAccounts accounts, AlipayProperties properties, PaymentsProperties payments) {
        this.accounts = accounts;
        this.properties = properties;
        this.payments = payments;
    }

    private record Client(JsonNode settings, AlipayAccount account, DefaultAlipayClient sdk) {}

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
        sdkClient(account);
        return account.shown();
    }

    @Override
    public Charge charge(ChargeRequest request) {
        var client = client(request.merchantId());
        var amount = yuan(request.amount());
        var subject = request.description().length() > 256 ? request.description().substring(0, 256) : request.description();
        return switch (request.scene()) {
            case PAGE -> {
                var model = new AlipayTradeWapPayModel();
                model.setOutTradeNo(request.outTradeNo());
                model.setTotalAmount(amount);
                model.setSubject(subject);
                model.setProductCode("QUICK_WAP_WAY");
                model.setSellerId(client.account().sellerId());
                model.setQuitUrl(absolute(request.returnUrl()));
                var wap = new AlipayTradeWapPayRequest();
                wap.setBizModel(model);
                wap.setNotifyUrl(notifyUrl(request.merchantId()));
                wap.setReturnUrl(absolute(request.returnUrl()));
                try {
                    yield Charge.pending(request.outTradeNo(), client.sdk().pageExecute(wap, "GET").getBody());
                } catch (AlipayApiException e) {
                    throw unavailable(e.getMessage());
                }
            }
            case QR -> {
                var model = new AlipayTradePrecreateModel();
                model.setOutTradeNo(request.outTradeNo());
                model.setTotalAmount(amount);
                model.setSubject(subject);
                model.setSellerId(client.account().sellerId());
                var precreate = new AlipayTradePrecreateRequest();
                precreate.setBizModel(model);
                precreate.setNotifyUrl(notifyUrl(request.merchantId()));
                var response = execute(client, precreate);
                if (!response.isSuccess()) throw unavailable(response.getSubCode() + " " + response.getSubMsg());
                yield Charge.pending(response.getQrCode(), AlipayPages.pageOf(request.paymentId(), request.returnUrl()));
            }
            case IN_WECHAT -> throw new InvalidInput("provider", "Alipay cannot be paid inside WeChat");
        };
    }

    @Override
    public Optional<ChargeStatus> query(PaymentRef payment) {
        var model = new AlipayTradeQueryModel();
        model.setOutTradeNo(payment.outTradeNo());
        var request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        var response = execute(client(payment.merchantId()), request);
        if (!response.isSuccess()) {
            // a mobile web payment exists at Alipay only once the payer has opened its page
            if ("ACQ.TRADE_NOT_EXIST".equals(response.getSubCode())) {
                return Optional.of(new ChargeStatus(ChargeStatus.State.OPEN, null, null));
            }
            throw new IllegalStateException("alipay.trade.query: " + response.getSubCode() + " " + response.getSubMsg());
        }
        return Optional.of(switch (response.getTradeStatus()) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> new ChargeStatus(ChargeStatus.State.PAID,
                    fen(response.getTotalAmount()), response.getTradeNo());
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
        var response = execute(client(payment.merchantId()), request);
        // a trade Alipay never saw cannot be paid any more either: it is as good as closed
        if (!response.isSuccess() && !"ACQ.TRADE_NOT_EXIST".equals(response.getSubCode())) {
            throw new IllegalStateException("alipay.trade.close: " + response.getSubCode() + " " + response.getSubMsg());
        }
    }

    /**
     * {@code fund_change=Y} is a refund made by this call. {@code N} is Alipay's answer to a number it has seen
     * before (the first call's answer was lost): the refund query says whether that one went through.
     */
    @Override
    public RefundOutcome refund(RefundRequest request) {
        var model = new AlipayTradeRefundModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setOutRequestNo(request.outRefundNo());
        model.setRefundAmount(yuan(request.amount()));
        model.setRefundReason(request.reason());
        var refund = new AlipayTradeRefundRequest();
        refund.setBizModel(model);
        var response = execute(client(request.merchantId()), refund);
        if (!response.isSuccess()) {
            var code = response.getSubCode();
            if (code != null && code.startsWith("ACQ.") && !TRANSIENT_REFUND_ERRORS.contains(code)) {
                throw new RefundRejected(code + " " + response.getSubMsg());
            }
            throw new IllegalStateException("alipay.trade.refund: " + code + " " + response.getSubMsg());
        }
        if ("Y".equals(response.getFundChange())) return RefundOutcome.SUCCEEDED;
        return refundStatus(request).orElse(RefundOutcome.PROCESSING);
    }

    /** A refund Alipay does not know (the call never reached it) is sent again, with the same number. */
    @Override
    public Optional<RefundOutcome> queryRefund(RefundRequest request) {
        var status = refundStatus(request);
        if (status.isPresent()) return status;
        return Optional.of(refund(request));
    }

    private Optional<RefundOutcome> refundStatus(RefundRequest request) {
        var model = new AlipayTradeFastpayRefundQueryModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setOutRequestNo(request.outRefundNo());
        var query = new AlipayTradeFastpayRefundQueryRequest();
        query.setBizModel(model);
        var response = execute(client(request.merchantId()), query);
        if (!response.isSuccess()) {
            throw new IllegalStateException("alipay.trade.fastpay.refund.query: " + response.getSubCode());
        }
        if ("REFUND_SUCCESS".equals(response.getRefundStatus())) return Optional.of(RefundOutcome.SUCCEEDED);
        if (response.getOutRequestNo() == null && response.getRefundAmount() == null) return Optional.empty();
        return Optional.of(RefundOutcome.PROCESSING);
    }

    /**
     * A notification's parameters as Alipay sent them, when its RSA2 signature holds for this merchant's Alipay key
     * and it is addressed to this merchant's app and account; empty otherwise.
     */
    Optional<Map<String, String>> verified(UUID merchantId, Map<String, String> params) {
        var settings = accounts.settings(merchantId, NAME);
        if (settings.isEmpty()) return Optional.empty();
        var account = client(merchantId, settings.get()).account();
        if (!SIGN_TYPE.equals(params.get("sign_type")) || params.get("sign") == null) return Optional.empty();
        try {
            // the SDK's rsaCertCheckV1 reads the certificate from a file; this is the same check on its key
            if (!AlipaySignature.rsaCheckV1(new HashMap<>(params), account.alipayVerificationKey(), CHARSET, SIGN_TYPE)) {
                return Optional.empty();
            }
        } catch (AlipayApiException e) {
            return Optional.empty();
        }
        if (!account.appId().equals(params.get("app_id")) || !account.sellerId().equals(params.get("seller_id"))) {
            return Optional.empty();
        }
        return Optional.of(params);
    }

    /** Fen as Alipay's yuan with two decimals ("15.00"). */
    static String yuan(Money amount) {
        if (!amount.currency().equals(Money.CNY)) throw new InvalidInput("amount", "Alipay takes CNY");
        return BigDecimal.valueOf(amount.minor(), 2).toPlainString();
    }

    /** Alipay's yuan as fen, exactly; a third decimal or anything else that is not an amount is refused. */
    static Money fen(@Nullable String yuan) {
        try {
            return new Money(new BigDecimal(yuan == null ? "" : yuan).setScale(2, RoundingMode.UNNECESSARY)
                    .unscaledValue().longValueExact(), Money.CNY);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInput("total_amount", "not an amount in yuan");
        }
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

    private <T extends AlipayResponse> T execute(Client client, AlipayRequest<T> request) {
        try {
            return client.account().mode() == AlipayAccount.Mode.CERTIFICATE
                    ? client.sdk().certificateExecute(request)
                    : client.sdk().execute(request);
        } catch (AlipayApiException e) {
            throw new IllegalStateException(request.getApiMethodName() + " failed: " + e.getMessage(), e);
        }
    }

    private Client client(UUID merchantId) {
        var settings = accounts.settings(merchantId, NAME)
                .orElseThrow(() -> new Problem(HttpStatus.CONFLICT, "payment-provider-unavailable",
                        "this merchant has no Alipay account", NAME));
        return client(merchantId, settings);
    }

    private Client client(UUID merchantId, JsonNode settings) {
        var cached = clients.getIfPresent(merchantId);
        if (cached != null && cached.settings().equals(settings)) return cached;
        var account = AlipayAccount.of(settings);
        var client = new Client(settings, account, sdkClient(account));
        clients.put(merchantId, client);
        return client;
    }

    private DefaultAlipayClient sdkClient(AlipayAccount account) {
        var config = new AlipayConfig();
        config.setServerUrl(properties.gatewayUrl());
        config.setAppId(account.appId());
        config.setPrivateKey(account.appPrivateKey());
        config.setFormat("json");
        config.setCharset(CHARSET);
        config.setSignType(SIGN_TYPE);
        config.setConnectTimeout((int) properties.connectTimeout().toMillis());
        config.setReadTimeout((int) properties.readTimeout().toMillis());
        if (account.mode() == AlipayAccount.Mode.PUBLIC_KEY) {
            config.setAlipayPublicKey(account.alipayPublicKey());
        } else {
            config.setAppCertContent(account.appCertificate());
            config.setAlipayPublicCertContent(account.alipayCertificate());
            config.setRootCertContent(account.alipayRootCertificate());
        }
        try {
            return new DefaultAlipayClient(config);
        } catch (AlipayApiException e) {
            throw new InvalidInput("appCertificate", "the SDK cannot use these certificates: " + e.getMessage());
        }
    }

    private static Problem unavailable(@Nullable String why) {
        return new Problem(HttpStatus.BAD_GATEWAY, "payment-gateway-error", "Alipay did not open the payment: " + why);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
