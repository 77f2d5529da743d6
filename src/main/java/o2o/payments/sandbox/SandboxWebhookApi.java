package o2o.payments.sandbox;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.payments.Payments;
import o2o.payments.ProviderEvent;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where the sandbox gateway tells us what happened. Authenticated by signature, not by token. */
@RestController
@ConditionalOnBooleanProperty("o2o.payments.sandbox.enabled")
@Tag(name = "Payment webhooks")
class SandboxWebhookApi {

    private final Payments payments;
    private final SandboxSignature sandboxSignature;
    private final JsonMapper json;

    SandboxWebhookApi(Payments payments, SandboxSignature sandboxSignature, JsonMapper json) {
        this.payments = payments;
        this.sandboxSignature = sandboxSignature;
        this.json = json;
    }

    /** The raw body is verified before it is parsed: the signature covers the exact bytes sent. */
    @PostMapping(path = "/api/v1/payments/webhooks/sandbox", consumes = "application/json")
    Map<String, Object> sandbox(@RequestHeader(name = SandboxSignature.HEADER, required = false) @Nullable String signature,
            @RequestBody String body) {
        sandboxSignature.verify(signature, body);
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInput("body", "not JSON");
        }
        var data = event.path("data");
        var type = switch (event.path("type").asString("")) {
            case "payment.succeeded" -> ProviderEvent.Type.PAYMENT_SUCCEEDED;
            case "payment.failed" -> ProviderEvent.Type.PAYMENT_FAILED;
            case "refund.succeeded" -> ProviderEvent.Type.REFUND_SUCCEEDED;
            default -> throw new InvalidInput("type", "unknown event type");
        };
        var subject = type == ProviderEvent.Type.REFUND_SUCCEEDED ? data.path("refundId") : data.path("paymentId");
        UUID id;
        try {
            id = UUID.fromString(subject.asString(""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("data", "no payment or refund id");
        }
        var eventId = event.path("id").asString("");
        if (eventId.isBlank()) throw new InvalidInput("id", "no event id");
        boolean applied = payments.apply(new ProviderEvent("sandbox", eventId, type, id,
                data.path("chargeRef").asString(null)));
        return Map.of("received", true, "applied", applied);
    }
}
