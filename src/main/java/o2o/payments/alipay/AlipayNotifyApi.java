package o2o.payments.alipay;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import o2o.payments.Payment;
import o2o.payments.Payments;
import o2o.payments.ProviderEvent;
import o2o.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alipay's asynchronous notifications (form-encoded, RSA2-signed), one address per merchant since each merchant has
 * its own app and keys. Alipay sends a notification again until it reads {@code success}, which is written only after
 * the event has been applied and committed; anything that does not verify, or does not name a payment of this
 * merchant, is answered {@code failure} and changes nothing.
 */
@RestController
@Tag(name = "Payment webhooks")
class AlipayNotifyApi {

    private static final Logger log = LoggerFactory.getLogger(AlipayNotifyApi.class);

    private final AlipayNotifications notifications;
    private final Payments payments;

    AlipayNotifyApi(AlipayNotifications notifications, Payments payments) {
        this.notifications = notifications;
        this.payments = payments;
    }

    @PostMapping(path = "/api/v1/payments/notify/alipay/{merchantId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> notify(@PathVariable UUID merchantId, HttpServletRequest request) {
        var params = new HashMap<String, String>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) params.put(name, values[0]);
        });
        var event = notifications.verified(merchantId, params).flatMap(verified -> event(merchantId, verified));
        if (event.isEmpty()) {
            log.warn("Alipay notification for merchant {} refused: notify_id {}, out_trade_no {}", merchantId,
                    params.get("notify_id"), params.get("out_trade_no"));
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("failure");
        }
        event.get().ifPresent(payments::apply);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
    }

    /** Empty when the notification does not hold; an empty event when it holds but changes nothing (waiting to pay). */
    private Optional<Optional<ProviderEvent>> event(UUID merchantId, Map<String, String> params) {
        var payment = Payment.idOf(params.get("out_trade_no")).flatMap(payments::find)
                .filter(p -> p.merchantId().equals(merchantId) && p.provider().equals(AlipayGateway.NAME));
        var notifyId = params.get("notify_id");
        if (payment.isEmpty() || notifyId == null || notifyId.isBlank()) return Optional.empty();
        var id = payment.get().id();
        return switch (params.getOrDefault("trade_status", "")) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> {
                try {
                    var paid = Yuan.toFen(params.get("total_amount"));
                    yield Optional.of(Optional.of(new ProviderEvent(AlipayGateway.NAME, notifyId,
                            ProviderEvent.Type.PAYMENT_SUCCEEDED, id, params.get("trade_no"), paid)));
                } catch (InvalidInput e) {
                    yield Optional.empty();
                }
            }
            case "TRADE_CLOSED" -> Optional.of(Optional.of(new ProviderEvent(AlipayGateway.NAME, notifyId,
                    ProviderEvent.Type.PAYMENT_FAILED, id, params.get("trade_no"))));
            case "WAIT_BUYER_PAY" -> Optional.of(Optional.empty());
            default -> Optional.empty();
        };
    }
}
