package o2o.mallevents.web;

import java.util.Map;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.mallevents.EventDoor;
import o2o.mallevents.MallEvents;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mall operator's events in the console: the list with a form for a new one, each event with its sign-ups,
 * attendance and follow-on purchases, editing and cancelling; and the door, where floor staff check people in by
 * scanning or pasting the QR code.
 */
@Controller
class MallEventConsole {

    private final MallEvents events;
    private final EventDoor door;
    private final PageText text;

    MallEventConsole(MallEvents events, EventDoor door, PageText text) {
        this.events = events;
        this.door = door;
        this.text = text;
    }

    @GetMapping("/merchant/mall/events")
    String list(StaffPrincipal staff, Model model) {
        model.addAttribute("events", events.ofMall(staff));
        model.addAttribute("zone", PageText.ZONE);
        return "mallevents/console-list";
    }

    @PostMapping("/merchant/mall/events")
    @OnProblem(redirect = "/merchant/mall/events")
    String create(StaffPrincipal staff, @RequestParam Map<String, String> form) {
        var event = events.create(staff, EventForm.terms(form, PageText.ZONE));
        return "redirect:/merchant/mall/events/" + event.id();
    }

    @GetMapping("/merchant/mall/events/{eventId}")
    String event(StaffPrincipal staff, @PathVariable UUID eventId, Model model) {
        var report = events.report(staff, eventId);
        var terms = report.event().terms();
        model.addAttribute("report", report);
        model.addAttribute("event", report.event());
        model.addAttribute("startsAt", FormValues.local(terms.startsAt(), PageText.ZONE));
        model.addAttribute("endsAt", FormValues.local(terms.endsAt(), PageText.ZONE));
        model.addAttribute("deadline", FormValues.local(terms.signUpDeadline(), PageText.ZONE));
        model.addAttribute("zone", PageText.ZONE);
        return "mallevents/console-event";
    }

    @PostMapping("/merchant/mall/events/{eventId}")
    @OnProblem(redirect = "/merchant/mall/events/{eventId}")
    String edit(StaffPrincipal staff, @PathVariable UUID eventId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        events.edit(staff, eventId, EventForm.terms(form, PageText.ZONE));
        redirect.addFlashAttribute("done", text.message("mallevents.console.saved"));
        return "redirect:/merchant/mall/events/" + eventId;
    }

    @PostMapping("/merchant/mall/events/{eventId}/cancel")
    @OnProblem(redirect = "/merchant/mall/events/{eventId}")
    String cancel(StaffPrincipal staff, @PathVariable UUID eventId, RedirectAttributes redirect) {
        events.cancel(staff, eventId);
        redirect.addFlashAttribute("done", text.message("mallevents.console.cancelled"));
        return "redirect:/merchant/mall/events/" + eventId;
    }

    /** The door: scan (where the camera can) or paste the QR code. */
    @GetMapping("/merchant/mall/events/{eventId}/door")
    String door(StaffPrincipal staff, @PathVariable UUID eventId, Model model) {
        model.addAttribute("event", door.event(staff, eventId));
        return "mallevents/door";
    }

    /** htmx answers with the result block; a plain form post gets the whole page with it. */
    @PostMapping("/merchant/mall/events/{eventId}/door")
    @OnProblem(render = "refused", errorPage = {403, 404})
    String checkIn(StaffPrincipal staff, @PathVariable UUID eventId, @RequestParam(defaultValue = "") String token,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        if (token.isBlank()) throw new InvalidInput("token", "is required");
        var signUp = door.checkIn(staff, eventId, token);
        model.addAttribute("ok", true);
        model.addAttribute("message", text.message("mallevents.door.ok", text.dateTime(signUp.checkedInAt())));
        return result(staff, eventId, htmx, model);
    }

    String refused(StaffPrincipal staff, @PathVariable UUID eventId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Problem problem, Model model) {
        model.addAttribute("ok", false);
        var at = problem.properties().get("checkedInAt");
        model.addAttribute("message", at != null
                ? text.message("mallevents.door.already", text.dateTime(java.time.Instant.parse(at.toString())))
                : text.problem(problem));
        return result(staff, eventId, htmx, model);
    }

    private String result(StaffPrincipal staff, UUID eventId, @Nullable String htmx, Model model) {
        if (htmx != null) return "mallevents/door :: result";
        model.addAttribute("event", door.event(staff, eventId));
        return "mallevents/door";
    }
}
