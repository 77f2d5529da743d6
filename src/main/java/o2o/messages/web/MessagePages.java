package o2o.messages.web;

import o2o.identity.CustomerPrincipal;
import o2o.notifications.InAppMessage;
import o2o.notifications.Inboxes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's messages page. Opening it (or loading more) marks the messages it shows as read, and only those:
 * a message that arrives meanwhile stays unread. The page still marks what was new when it was shown.
 */
@Controller
class MessagePages {

    static final int PAGE_SIZE = 20;

    private final Inboxes inboxes;

    MessagePages(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    /** The first page, or with {@code cursor} the page after it: the whole page, or only its items for htmx. */
    @GetMapping("/me/messages")
    String list(CustomerPrincipal customer, @RequestParam(required = false) @Nullable String cursor,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var inbox = inboxes.of(customer.customerId());
        var page = inbox.page(cursor, PAGE_SIZE);
        inbox.markRead(page.items().stream().filter(InAppMessage::unread).map(InAppMessage::id).toList());
        model.addAttribute("messages", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("first", cursor == null || cursor.isBlank());
        return htmx != null ? "messages/list :: more" : "messages/list";
    }

    @PostMapping("/me/messages/read")
    String markAllRead(CustomerPrincipal customer) {
        inboxes.of(customer.customerId()).markAllRead();
        return "redirect:/me/messages";
    }
}
