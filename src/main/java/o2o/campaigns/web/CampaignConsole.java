package o2o.campaigns.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import o2o.campaigns.Campaigns;
import o2o.campaigns.Channel;
import o2o.campaigns.Target;
import o2o.deals.Deals;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
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
 * The merchant console's campaigns: the list with the form for a new one, a campaign with its codes and their scan
 * counts and the form for a new code, and each code's printable A4 poster. Owners and managers only.
 */
@Controller
class CampaignConsole {

    private static final int SHOWN = 20;

    private final Campaigns campaigns;
    private final Stores stores;
    private final Deals deals;
    private final StaffAccounts staffAccounts;
    private final ShortLinks links;
    private final PageText text;
    private final Clock clock;

    CampaignConsole(Campaigns campaigns, Stores stores, Deals deals, StaffAccounts staffAccounts, ShortLinks links,
            PageText text, Clock clock) {
        this.campaigns = campaigns;
        this.stores = stores;
        this.deals = deals;
        this.staffAccounts = staffAccounts;
        this.links = links;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping("/merchant/campaigns")
    String list(StaffPrincipal staff, @RequestParam(required = false) @Nullable String cursor, Model model) {
        return listPage(staff, cursor, CampaignForm.blank(today()), model);
    }

    @PostMapping("/merchant/campaigns")
    @OnProblem(render = "listAgain")
    String create(StaffPrincipal staff, @ModelAttribute CampaignForm form, RedirectAttributes redirect) {
        var created = campaigns.create(staff, form.toTerms());
        redirect.addFlashAttribute("notice", text.message("campaigns.created"));
        return "redirect:/merchant/campaigns/" + created.id();
    }

    String listAgain(StaffPrincipal staff, @ModelAttribute CampaignForm form, Model model) {
        return listPage(staff, null, form, model);
    }

    @GetMapping("/merchant/campaigns/{id}")
    String details(StaffPrincipal staff, @PathVariable UUID id, Model model) {
        return detailsPage(staff, id, CodeForm.blank(), model);
    }

    @PostMapping("/merchant/campaigns/{id}/codes")
    @OnProblem(render = "detailsAgain")
    String addCode(StaffPrincipal staff, @PathVariable UUID id, @ModelAttribute CodeForm form,
            RedirectAttributes redirect) {
        var created = campaigns.addCode(staff, id, form.toNew());
        redirect.addFlashAttribute("notice", text.message("campaigns.code-added", created.code().code()));
        return "redirect:/merchant/campaigns/" + id + "#code-" + created.code().id();
    }

    String detailsAgain(StaffPrincipal staff, @PathVariable UUID id, @ModelAttribute CodeForm form, Model model) {
        return detailsPage(staff, id, form, model);
    }

    @GetMapping("/merchant/campaigns/{id}/codes/{codeId}/poster")
    String poster(StaffPrincipal staff, @PathVariable UUID id, @PathVariable UUID codeId, Model model) {
        var campaign = campaigns.find(staff, id);
        var code = campaigns.code(staff, id, codeId).code();
        model.addAttribute("campaign", campaign);
        model.addAttribute("code", code);
        model.addAttribute("link", links.of(code.code()));
        model.addAttribute("store", code.storeId() == null ? null : stores.find(code.storeId()).orElse(null));
        return "campaigns/poster";
    }

    private String listPage(StaffPrincipal staff, @Nullable String cursor, CampaignForm form, Model model) {
        model.addAttribute("page", campaigns.page(staff, cursor, SHOWN));
        model.addAttribute("reachesGroup", campaigns.reachesGroup(staff));
        model.addAttribute("today", today());
        model.addAttribute("form", form);
        return "campaigns/list";
    }

    private String detailsPage(StaffPrincipal staff, UUID id, CodeForm form, Model model) {
        var details = campaigns.details(staff, id);
        model.addAttribute("campaign", details.campaign());
        model.addAttribute("codes", details.codes());
        model.addAttribute("links", details.codes().stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.code().id(), c -> links.of(c.code().code()))));
        model.addAttribute("today", today());
        model.addAttribute("form", form);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("targets", Target.values());
        model.addAttribute("stores", stores.visibleTo(staff));
        model.addAttribute("deals", deals.ofMerchant(staff));
        model.addAttribute("staffMembers", staffAccounts.ofMerchant(details.campaign().merchantId()));
        return "campaigns/details";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PageText.ZONE));
    }
}
