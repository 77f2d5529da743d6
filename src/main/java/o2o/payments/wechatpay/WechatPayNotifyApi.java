package o2o.payments.wechatpay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.core.notification.RequestParam;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.payments.Payment;
import o2o.payments.Payments;
import o2o.payments.ProviderEvent;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where WeChat Pay notifies a merchant's payments and refunds. The signature is verified on the raw body with that
 * merchant's keys (public key or platform certificates) before anything is read, the resource decrypted with its APIv3
 * key, and the event applied once; WeChat Pay is answered 204 only after that is committed, so a notification not
 * answered is sent again and changes nothing twice. A refusal is 4xx with WeChat Pay's {@code {code, message}} body.
 */
@RestController
@Tag(name = "Payment webhooks")
class WechatPayNotifyApi {

    private static final Logger log = LoggerFactory.getLogger(WechatPayNotifyApi.class);

    /** The decrypted resource of a payment or refund notification (the SDK's Gson names fields in snake case). */
    static final class Resource {
        @Nullable String mchid;
        @Nullable String appid;
        @Nullable String outTradeNo;
        @Nullable String transactionId;
        @Nullable String tradeState;
        @Nullable String outRefundNo;
        @Nullable String refundId;
        @Nullable String refundStatus;
        @Nullable Amount amount;

        static final class Amount {
            @Nullable Long total;
            @Nullable Long payerTotal;
            @Nullable String currency;
        }
    }

    private final WechatPayClients clients;
    private final Payments payments;
    private final WechatPayProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    WechatPayNotifyApi(WechatPayClients clients, Payments payments, WechatPayProperties properties, JsonMapper json,
            Clock clock) {
        this.clients = clients;
        this.payments = payments;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/api/v1/payments/notify/wechatpay/{merchantId}")
    ResponseEntity<Map<String, String>> notify(@PathVariable UUID merchantId,
            @RequestHeader(name = "Wechatpay-Signature", required = false) @Nullable String signature,
            @RequestHeader(name = "Wechatpay-Serial", required = false) @Nullable String serial,
            @RequestHeader(name = "Wechatpay-Nonce", required = false) @Nullable String nonce,
            @RequestHeader(name = "Wechatpay-Timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "Wechatpay-Signature-Type", required = false) @Nullable String signatureType,
            @RequestBody(required = false) @Nullable String body) {
        if (signature == null || serial == null || nonce == null || timestamp == null || body == null) {
            return fail(HttpStatus.UNAUTHORIZED, "missing signature headers");
        }
        if (!fresh(timestamp)) return fail(HttpStatus.UNAUTHORIZED, "stale or malformed timestamp");
        WechatPayClients.Client client;
        try {
            client = clients.of(merchantId);
        } catch (Problem e) {
            return fail(HttpStatus.NOT_FOUND, "no WeChat Pay account for this merchant");
        }
        Resource resource;
        try {
            resource = client.notifications().parse(new RequestParam.Builder()
                    .serialNumber(serial)
                    .nonce(nonce)
                    .signature(signature)
                    .timestamp(timestamp)
                    .signType(signatureType)
                    .body(body)
                    .build(), Resource.class);
        } catch (ValidationException e) {
            log.warn("WeChat Pay notification for merchant {} refused: bad signature", merchantId);
            return fail(HttpStatus.UNAUTHORIZED, "signature verification failed");
        } catch (WechatPayException | IllegalArgumentException e) {
            return fail(HttpStatus.BAD_REQUEST, "malformed notification");
        }
        String eventId;
        String eventType;
        try {
            var envelope = json.readTree(body);
            eventId = envelope.path("id").asString("");
            eventType = envelope.path("event_type").asString("");
        } catch (JacksonException e) {
            return fail(HttpStatus.BAD_REQUEST, "malformed notification");
        }
        var settings = client.settings();
        if (eventId.isBlank() || resource == null || !settings.mchId().equals(resource.mchid)) {
            return fail(HttpStatus.BAD_REQUEST, "not for this merchant");
        }
        var payment = Payment.idOf(resource.outTradeNo).flatMap(payments::find)
                .filter(p -> p.merchantId().equals(merchantId) && p.provider().equals(WechatPayClients.PROVIDER));
        if (payment.isEmpty()) return fail(HttpStatus.BAD_REQUEST, "no such payment of this merchant");
        switch (eventType) {
            case "TRANSACTION.SUCCESS" -> {
                if (!settings.appId().equals(resource.appid) || !"SUCCESS".equals(resource.tradeState)) {
                    return fail(HttpStatus.BAD_REQUEST, "not a successful payment of this app");
                }
                var paid = paid(resource);
                if (paid.isEmpty()) return fail(HttpStatus.BAD_REQUEST, "no amount");
                payments.apply(new ProviderEvent(WechatPayClients.PROVIDER, eventId,
                        ProviderEvent.Type.PAYMENT_SUCCEEDED, payment.get().id(), resource.transactionId, paid.get()));
            }
            case "REFUND.SUCCESS" -> {
                var refundId = Payment.idOf(resource.outRefundNo);
                if (refundId.isEmpty() || !"SUCCESS".equals(resource.refundStatus)) {
                    return fail(HttpStatus.BAD_REQUEST, "not a successful refund of ours");
                }
                payments.apply(new ProviderEvent(WechatPayClients.PROVIDER, eventId,
                        ProviderEvent.Type.REFUND_SUCCEEDED, refundId.get(), resource.refundId));
            }
            // a refund that failed for good stays with the refund relay, which asks about it and records the outcome
            default -> log.info("WeChat Pay notification {} of type {} acknowledged, nothing to apply", eventId, eventType);
        }
        return ResponseEntity.noContent().build();
    }

    private boolean fresh(String timestamp) {
        try {
            var sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(sent, clock.instant()).abs().compareTo(properties.notificationTolerance()) <= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The order's total (payer's part plus any WeChat Pay coupon), as {@link WechatPayGateway#query} reads it too. */
    private static Optional<Money> paid(Resource resource) {
        if (resource.amount == null) return Optional.empty();
        var fen = resource.amount.total != null ? resource.amount.total : resource.amount.payerTotal;
        if (fen == null) return Optional.empty();
        var currency = resource.amount.currency == null ? "CNY" : resource.amount.currency;
        return Optional.of(new Money(fen, Currency.getInstance(currency)));
    }

    private static ResponseEntity<Map<String, String>> fail(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("code", "FAIL", "message", message));
    }
}
