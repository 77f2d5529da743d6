package o2o.messages.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.identity.CustomerPrincipal;
import o2o.notifications.InAppMessage;
import o2o.notifications.Inboxes;
import o2o.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer's in-app messages, newest first, paged by cursor; marking them read. */
@RestController
@Tag(name = "Messages (customer)")
class MessageApi {

    private final Inboxes inboxes;

    MessageApi(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping("/api/v1/me/messages")
    Page<InAppMessage> list(CustomerPrincipal customer, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        return inboxes.of(customer.customerId()).page(cursor, limit);
    }

    @GetMapping("/api/v1/me/messages/unread")
    Unread unread(CustomerPrincipal customer) {
        return new Unread(inboxes.of(customer.customerId()).unread());
    }

    /** Idempotent; 404 for a message that is not the caller's. */
    @PostMapping("/api/v1/me/messages/{id}/read")
    InAppMessage markRead(CustomerPrincipal customer, @PathVariable UUID id) {
        return inboxes.of(customer.customerId()).markRead(id);
    }

    @PostMapping("/api/v1/me/messages/read")
    Marked markAllRead(CustomerPrincipal customer) {
        return new Marked(inboxes.of(customer.customerId()).markAllRead());
    }
}
