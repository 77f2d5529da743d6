package o2o.webhooks.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import o2o.webhooks.EventType;
import o2o.webhooks.WebhookDeliveries;
import o2o.webhooks.WebhookEndpoints;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merchant console's webhooks: the endpoints, adding one (its secret shown once), each endpoint's recent
 * deliveries with their attempts, sending a test event, sending a failed delivery again, rotating the secret.
 */
@Controller
class WebhookConsole {

    private static final int SHOWN = 10;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final PageText text;

    WebhookConsole(WebhookEndpoints endpoints, WebhookDeliveries deliveries, PageText text) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.text = text;
    }

    @GetMapping("/merchant/webhooks")
    String page(StaffPrincipal staff, Model model) {
        return page(staff, model, "", "", List.of());
    }

    @PostMapping("/merchant/webhooks")
    @OnProblem(render = "again")
    String add(StaffPrincipal staff, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(name = "eventTypes", required = false) @Nullable List<String> eventTypes,
            RedirectAttributes redirect) {
        var created = endpoints.add(staff, url, description, eventTypes == null ? List.of() : eventTypes);
        redirect.addFlashAttribute("secretFor", created.endpoint().id());
        redirect.addFlashAttribute("secret", created.secret());
        return "redirect:/merchant/webhooks";
    }

    String again(StaffPrincipal staff, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(name = "eventTypes", required = false) @Nullable List<String> eventTypes, Model model) {
        return page(staff, model, url, description, eventTypes == null ? List.of() : eventTypes);
    }

    @PostMapping("/merchant/webhooks/{id}/test")
    String sendTest(StaffPrincipal staff, @PathVariable UUID id, RedirectAttributes redirect) {
        deliveries.sendTest(staff, id);
        redirect.addFlashAttribute("notice", text.message("webhooks.test-sent"));
        return "redirect:/merchant/webhooks#endpoint-" + id;
    }

    @PostMapping("/merchant/webhooks/{id}/secret")
    String rotateSecret(StaffPrincipal staff, @PathVariable UUID id, RedirectAttributes redirect) {
        var rotated = endpoints.rotateSecret(staff, id);
        redirect.addFlashAttribute("secretFor", rotated.endpoint().id());
        redirect.addFlashAttribute("secret", rotated.secret());
        return "redirect:/merchant/webhooks#endpoint-" + id;
    }

    @PostMapping("/merchant/webhooks/{id}/delete")
    String remove(StaffPrincipal staff, @PathVariable UUID id, RedirectAttributes redirect) {
        endpoints.remove(staff, id);
        redirect.addFlashAttribute("notice", text.message("webhooks.removed"));
        return "redirect:/merchant/webhooks";
    }

    @PostMapping("/merchant/webhooks/{id}/deliveries/{deliveryId}/retry")
    String sendAgain(StaffPrincipal staff, @PathVariable UUID id, @PathVariable UUID deliveryId,
            RedirectAttributes redirect) {
        deliveries.sendAgain(staff, id, deliveryId);
        redirect.addFlashAttribute("notice", text.message("webhooks.resent"));
        return "redirect:/merchant/webhooks#endpoint-" + id;
    }

    private String page(StaffPrincipal staff, Model model, String url, String description, List<String> checked) {
        var views = endpoints.of(staff).stream()
                .map(e -> new EndpointView(e, deliveries.recent(staff, e.id()).stream().limit(SHOWN).toList()))
                .toList();
        var types = new LinkedHashMap<String, Boolean>();
        for (var type : EventType.values()) types.put(type.wireName(), checked.contains(type.wireName()));
        model.addAttribute("endpoints", views);
        model.addAttribute("types", types);
        model.addAttribute("url", url);
        model.addAttribute("description", description);
        return "webhooks/console";
    }
}
