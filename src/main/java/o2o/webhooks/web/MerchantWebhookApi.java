package o2o.webhooks.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.StaffPrincipal;
import o2o.shared.InvalidInput;
import o2o.webhooks.WebhookDeliveries;
import o2o.webhooks.WebhookDelivery;
import o2o.webhooks.WebhookEndpoints;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhooks")
class MerchantWebhookApi {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    MerchantWebhookApi(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @PostMapping("/api/v1/merchant/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an endpoint; its signing secret is in this response only")
    EndpointResponse add(StaffPrincipal staff, @RequestBody EndpointRequest request) {
        return EndpointResponse.of(endpoints.add(staff, required(request.url(), "url"), request.description(),
                request.eventTypes() == null ? List.of() : request.eventTypes()));
    }

    @GetMapping("/api/v1/merchant/webhooks")
    List<EndpointResponse> list(StaffPrincipal staff) {
        return endpoints.of(staff).stream().map(e -> EndpointResponse.of(e, null)).toList();
    }

    @GetMapping("/api/v1/merchant/webhooks/{id}")
    EndpointResponse one(StaffPrincipal staff, @PathVariable UUID id) {
        return EndpointResponse.of(endpoints.find(staff, id), null);
    }

    @PutMapping("/api/v1/merchant/webhooks/{id}")
    EndpointResponse change(StaffPrincipal staff, @PathVariable UUID id, @RequestBody EndpointRequest request) {
        return EndpointResponse.of(endpoints.change(staff, id, required(request.url(), "url"), request.description(),
                request.eventTypes() == null ? List.of() : request.eventTypes()), null);
    }

    @DeleteMapping("/api/v1/merchant/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(StaffPrincipal staff, @PathVariable UUID id) {
        endpoints.remove(staff, id);
    }

    @PostMapping("/api/v1/merchant/webhooks/{id}/secret")
    @Operation(summary = "Replace the signing secret; the new one is in this response only")
    EndpointResponse rotateSecret(StaffPrincipal staff, @PathVariable UUID id) {
        return EndpointResponse.of(endpoints.rotateSecret(staff, id));
    }

    @PostMapping("/api/v1/merchant/webhooks/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue a webhook.test event to this endpoint")
    WebhookDelivery sendTest(StaffPrincipal staff, @PathVariable UUID id) {
        return deliveries.sendTest(staff, id);
    }

    @GetMapping("/api/v1/merchant/webhooks/{id}/deliveries")
    @Operation(summary = "The endpoint's 50 most recent deliveries, newest first, each with its attempts")
    List<WebhookDelivery> deliveries(StaffPrincipal staff, @PathVariable UUID id) {
        return deliveries.recent(staff, id);
    }

    @PostMapping("/api/v1/merchant/webhooks/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a failed delivery again (a new round of attempts)")
    WebhookDelivery sendAgain(StaffPrincipal staff, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return deliveries.sendAgain(staff, id, deliveryId);
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) throw new InvalidInput(field, "required");
        return value;
    }
}
