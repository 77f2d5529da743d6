package o2o.notifications.web;

import java.util.List;

import o2o.notifications.Message;
import o2o.notifications.Notifications;
import o2o.shared.PhoneNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The development inbox: what the platform would have texted a phone. It exists only where
 * {@code o2o.notifications.dev-inbox=true} (the demo and dev profiles), never in production.
 */
@Controller
@ConditionalOnBooleanProperty("o2o.notifications.dev-inbox")
class DevInboxController {

    private final Notifications notifications;

    DevInboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/dev/inbox")
    @ResponseBody
    List<Message> inbox(@RequestParam String phone) {
        return notifications.latestTo(PhoneNumber.parse(phone).value(), 20);
    }

    @GetMapping("/dev/inbox")
    String page(@RequestParam(required = false) String phone, Model model) {
        if (phone != null && !phone.isBlank()) {
            model.addAttribute("phone", phone);
            model.addAttribute("messages", notifications.latestTo(PhoneNumber.parse(phone).value(), 20));
        }
        return "notifications/inbox";
    }
}
