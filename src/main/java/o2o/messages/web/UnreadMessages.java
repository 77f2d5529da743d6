package o2o.messages.web;

import o2o.identity.CustomerPrincipal;
import o2o.notifications.Inboxes;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The unread count in the customer navigation, reached by templates as {@code @unreadMessages}. The navigation asks
 * only for a signed-in customer, and the answer is one count on a partial index.
 */
@Component("unreadMessages")
class UnreadMessages {

    private final Inboxes inboxes;

    UnreadMessages(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    public long count() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CustomerPrincipal customer)) return 0;
        return inboxes.of(customer.customerId()).unread();
    }
}
