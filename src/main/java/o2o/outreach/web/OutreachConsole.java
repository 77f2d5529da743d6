package o2o.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import o2o.campaigns.Campaigns;
import o2o.coupons.CouponTemplate;
import o2o.coupons.Coupons;
import o2o.identity.StaffPrincipal;
import o2o.outreach.OutreachKind;
import o2o.outreach.OutreachView;
import o2o.outreach.Outreaches;
import o2o.profiles.Segment;
import o2o.profiles.Segments;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's campaigns that reach members (owners and managers): the list of sends and journeys with how far each
 * got, pause and resume for journeys, the frequency cap, and the wizard that creates a campaign with its audience,
 * offer, message, schedule and holdout in one go. A refused wizard comes back with the problem beside its field.
 */
@Controller
class OutreachConsole {

    private static final int CAMPAIGN_PAGE = 100;

    private final Outreaches outreaches;
    private final Campaigns campaigns;
    private final Segments segments;
    private final Coupons coupons;
    private final PageText text;
    private final Clock clock;

    OutreachConsole(Outreaches outreaches, Campaigns campaigns, Segments segments, Coupons coupons, PageText text,
            Clock clock) {
        this.outreaches = outreaches;
        this.campaigns = campaigns;
        this.segments = segments;
        this.coupons = coupons;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping("/merchant/outreach")
    String list(StaffPrincipal staff, Model model) {
        return listPage(staff, null, null, model);
    }

    @PostMapping("/merchant/outreach/settings")
    @OnProblem(render = "capAgain")
    String setCap(StaffPrincipal staff, @RequestParam(defaultValue = "") String capDays, RedirectAttributes redirect) {
        var days = outreaches.setCapDays(staff, FormValues.number("capDays", capDays));
        redirect.addFlashAttribute("notice", text.message("outreach.cap.saved", days));
        return "redirect:/merchant/outreach";
    }

    String capAgain(StaffPrincipal staff, @RequestParam(defaultValue = "") String capDays, Problem problem,
            Model model) {
        return listPage(staff, capDays, text.problem("outreach.cap.invalid", problem), model);
    }

    @PostMapping("/merchant/outreach/{id}/pause")
    @OnProblem(redirect = "/merchant/outreach")
    String pause(StaffPrincipal staff, @PathVariable UUID id) {
        outreaches.setActive(staff, id, false);
        return "redirect:/merchant/outreach#outreach-" + id;
    }

    @PostMapping("/merchant/outreach/{id}/resume")
    @OnProblem(redirect = "/merchant/outreach")
    String resume(StaffPrincipal staff, @PathVariable UUID id) {
        outreaches.setActive(staff, id, true);
        return "redirect:/merchant/outreach#outreach-" + id;
    }

    @GetMapping("/merchant/outreach/new")
    String wizard(StaffPrincipal staff, Model model) {
        return wizardPage(staff, OutreachForm.blank(), null, model);
    }

    @PostMapping("/merchant/outreach")
    @OnProblem(render = "wizardAgain")
    String launch(StaffPrincipal staff, @ModelAttribute OutreachForm form, RedirectAttributes redirect) {
        var plan = form.toPlan(PageText.ZONE);
        var launched = outreaches.launch(staff, form.toTerms(plan, today(), PageText.ZONE), plan);
        var id = launched.view().outreach().campaignId();
        redirect.addFlashAttribute("notice", text.message("outreach.launched", form.name()));
        return "redirect:/merchant/outreach#outreach-" + id;
    }

    String wizardAgain(StaffPrincipal staff, @ModelAttribute OutreachForm form, Problem problem, Model model) {
        return wizardPage(staff, form, problem, model);
    }

    private String wizardPage(StaffPrincipal staff, OutreachForm form, @Nullable Problem problem, Model model) {
        var merchant = campaigns.managedMerchantOf(staff);
        var field = problem instanceof InvalidInput invalid && OutreachForm.FIELDS.contains(invalid.field())
                ? invalid.field() : "";
        model.addAttribute("form", form);
        model.addAttribute("segments", segments.list(staff));
        model.addAttribute("templates", coupons.templatesOf(merchant).stream().filter(CouponTemplate::active)
                .toList());
        model.addAttribute("journeys", List.of(OutreachKind.values()).stream().filter(OutreachKind::isJourney)
                .toList());
        model.addAttribute("errorField", field);
        model.addAttribute("problem", problem == null ? null
                : text.problem("outreach.form.invalid." + field, problem));
        model.addAttribute("today", today());
        return "outreach/new";
    }

    private String listPage(StaffPrincipal staff, @Nullable String capDays, @Nullable String capError,
            Model model) {
        var sends = outreaches.list(staff, false);
        var journeys = outreaches.list(staff, true);
        var names = names(staff, sends, journeys);
        var segmentNames = segments.list(staff).stream().collect(Collectors.toMap(Segment::id, Segment::name));
        Function<OutreachView, OutreachRow> row = view -> OutreachRow.of(view,
                names.getOrDefault(view.outreach().campaignId(), ""),
                view.outreach().segmentId() == null ? null : segmentNames.get(view.outreach().segmentId()));
        model.addAttribute("sends", sends.stream().map(row).toList());
        model.addAttribute("journeys", journeys.stream().map(row).toList());
        model.addAttribute("capDays", capDays != null ? capDays : String.valueOf(outreaches.capDays(staff)));
        model.addAttribute("capError", capError);
        return "outreach/list";
    }

    /** The campaigns' names, read a page of the merchant's campaigns at a time until every outreach has its own. */
    private Map<UUID, String> names(StaffPrincipal staff, List<OutreachView> sends, List<OutreachView> journeys) {
        var wanted = new HashMap<UUID, String>();
        sends.forEach(v -> wanted.put(v.outreach().campaignId(), ""));
        journeys.forEach(v -> wanted.put(v.outreach().campaignId(), ""));
        int missing = wanted.size();
        String cursor = null;
        while (missing > 0) {
            var page = campaigns.page(staff, cursor, CAMPAIGN_PAGE);
            for (var campaign : page.items()) {
                if (wanted.containsKey(campaign.id())) {
                    wanted.put(campaign.id(), campaign.name());
                    missing--;
                }
            }
            if (page.next() == null) break;
            cursor = page.next();
        }
        return wanted;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PageText.ZONE));
    }
}
