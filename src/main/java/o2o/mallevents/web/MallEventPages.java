package o2o.mallevents.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.mallevents.EventSignUps;
import o2o.mallevents.MallEvents;
import o2o.mallevents.SignUpStatus;
import o2o.malls.MallId;
import o2o.malls.Malls;
import o2o.shared.QrCodes;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's side: a mall's events and one event's page with 报名; the customer's sign-ups, each confirmed one
 * with the QR code the door scans. A paid seat goes on to the order's page to pay.
 */
@Controller
class MallEventPages {

    private static final int QR_SIZE = 280;

    private final MallEvents events;
    private final EventSignUps signUps;
    private final Malls malls;
    private final Clock clock;

    MallEventPages(MallEvents events, EventSignUps signUps, Malls malls, Clock clock) {
        this.events = events;
        this.signUps = signUps;
        this.malls = malls;
        this.clock = clock;
    }

    @GetMapping("/malls/{mallId}/events")
    String list(@PathVariable UUID mallId, Model model) {
        var mall = malls.get(new MallId(mallId));
        model.addAttribute("mall", mall);
        model.addAttribute("events", events.upcoming(mall.id()));
        model.addAttribute("zone", PageText.ZONE);
        return "mallevents/list";
    }

    @GetMapping("/malls/{mallId}/events/{eventId}")
    String event(@PathVariable UUID mallId, @PathVariable UUID eventId, Model model) {
        var mall = malls.get(new MallId(mallId));
        var event = events.find(mall.id(), eventId);
        model.addAttribute("mall", mall);
        model.addAttribute("event", event);
        model.addAttribute("open", event.openAt(clock.instant()) && event.left() > 0);
        model.addAttribute("zone", PageText.ZONE);
        return "mallevents/event";
    }

    /** 报名: a free seat goes to the customer's sign-ups; a paid one to its order, to pay. */
    @PostMapping("/me/mall-events/{eventId}/sign-up")
    @OnProblem(redirect = "/me/mall-events", errorPage = 404)
    String signUp(CustomerPrincipal customer, @PathVariable UUID eventId) {
        var outcome = signUps.signUp(customer, eventId);
        var order = outcome.signUp().orderId();
        if (order != null && outcome.signUp().status() == SignUpStatus.PENDING_PAYMENT) {
            return "redirect:/me/orders/" + order.value();
        }
        return "redirect:/me/mall-events";
    }

    /** 取消报名: the seat goes back (a paid one refunded); the problem, if any, on the customer's sign-ups. */
    @PostMapping("/me/mall-events/{signUpId}/cancel")
    @OnProblem(redirect = "/me/mall-events", errorPage = 404)
    String cancel(CustomerPrincipal customer, @PathVariable UUID signUpId, RedirectAttributes redirect) {
        signUps.cancel(customer, signUpId);
        redirect.addFlashAttribute("notice", "withdrawn");
        return "redirect:/me/mall-events";
    }

    @GetMapping("/me/mall-events")
    String mine(CustomerPrincipal customer, Model model) {
        var entries = signUps.mine(customer);
        var tickets = new HashMap<UUID, String>();
        for (var e : entries) {
            if (e.signUp().status() == SignUpStatus.CONFIRMED) tickets.put(e.signUp().id(), signUps.ticket(customer, e.signUp().id()));
        }
        model.addAttribute("entries", entries);
        model.addAttribute("now", clock.instant());
        model.addAttribute("tickets", tickets);
        model.addAttribute("zone", PageText.ZONE);
        return "mallevents/mine";
    }

    /** The QR code the door scans, for a confirmed sign-up. */
    @GetMapping(path = "/me/mall-events/{signUpId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> qr(CustomerPrincipal customer, @PathVariable UUID signUpId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(QrCodes.png(signUps.ticket(customer, signUpId), QR_SIZE));
    }
}
