package o2o.loyalty.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import o2o.identity.StaffPrincipal;
import o2o.loyalty.PointsProgram;
import o2o.loyalty.ProgramRules;
import o2o.loyalty.Settlement;
import o2o.loyalty.Tier;
import o2o.loyalty.TierRules;
import o2o.loyalty.Tiers;
import o2o.orders.Channel;
import o2o.shared.InvalidInput;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merchant console's points program: earn rules, bonus events and tiers. Each form changes one part and sends
 * the whole program through the same domain methods as the API, so the page and the API validate alike.
 */
@Controller
class LoyaltyConsole {

    private static final String PAGE = "redirect:/merchant/loyalty";

    private final PointsProgram programs;
    private final Tiers tiers;
    private final Settlement settlement;
    private final Clock clock;

    LoyaltyConsole(PointsProgram programs, Tiers tiers, Settlement settlement, Clock clock) {
        this.programs = programs;
        this.tiers = tiers;
        this.settlement = settlement;
        this.clock = clock;
    }

    @GetMapping("/merchant/loyalty")
    String page(StaffPrincipal staff, Model model) {
        var rules = programs.rulesFor(staff);
        model.addAttribute("staff", staff);
        model.addAttribute("rules", rules);
        model.addAttribute("owner", rules.ownerMerchantId().equals(staff.merchantId()));
        model.addAttribute("channels", PointsProgram.EARNING_CHANNELS);
        model.addAttribute("tiers", tiers.rules(rules.programId()));
        var policy = rules.expiryPolicy();
        model.addAttribute("expiryMonths", policy.startsWith("MONTHS:") ? policy.substring(7) : "");
        if (rules.shared() && rules.ownerMerchantId().equals(staff.merchantId())) {
            var monthStart = LocalDate.ofInstant(clock.instant(), PageText.ZONE).withDayOfMonth(1);
            model.addAttribute("settlement", settlement.report(rules.programId(),
                    monthStart.atStartOfDay(PageText.ZONE).toInstant(),
                    monthStart.plusMonths(1).atStartOfDay(PageText.ZONE).toInstant()));
        }
        return "loyalty/console";
    }

    @PostMapping("/merchant/loyalty/rules")
    @OnProblem(redirect = "/merchant/loyalty", errorPage = 403)
    String saveRules(StaffPrincipal staff, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt(redirect, "rules-saved", () -> {
            var rules = programs.rulesFor(staff);
            var rates = new EnumMap<Channel, Integer>(Channel.class);
            for (var channel : PointsProgram.EARNING_CHANNELS) {
                var rate = FormValues.optionalNumber("channelRates." + channel, form.get("rate-" + channel));
                if (rate != null) rates.put(channel, rate);
            }
            var kind = form.getOrDefault("expiryKind", "END_OF_NEXT_YEAR");
            var policy = kind.equals("MONTHS") ? "MONTHS:" + form.getOrDefault("expiryMonths", "").strip() : kind;
            programs.update(staff, form.getOrDefault("name", ""),
                    FormValues.number("pointsPerYuan", form.get("pointsPerYuan")), rates, rules.bonusEvents(), policy);
        });
    }

    @PostMapping("/merchant/loyalty/events")
    @OnProblem(redirect = "/merchant/loyalty", errorPage = 403)
    String addEvent(StaffPrincipal staff, @RequestParam @Nullable String from, @RequestParam @Nullable String to,
            @RequestParam @Nullable String multiplierPercent, @RequestParam(required = false) @Nullable String channel,
            RedirectAttributes redirect) {
        return attempt(redirect, "rules-saved", () -> {
            var rules = programs.rulesFor(staff);
            var events = new ArrayList<>(rules.bonusEvents());
            events.add(new ProgramRules.BonusEvent(FormValues.instant("from", from, PageText.ZONE),
                    FormValues.instant("to", to, PageText.ZONE), FormValues.number("multiplierPercent", multiplierPercent),
                    channel == null || channel.isBlank() ? null : ProgramRequests.channel("channel", channel)));
            save(staff, rules, events);
        });
    }

    @PostMapping("/merchant/loyalty/events/remove")
    @OnProblem(redirect = "/merchant/loyalty", errorPage = 403)
    String removeEvent(StaffPrincipal staff, @RequestParam int index, RedirectAttributes redirect) {
        return attempt(redirect, "rules-saved", () -> {
            var rules = programs.rulesFor(staff);
            var events = new ArrayList<>(rules.bonusEvents());
            if (index < 0 || index >= events.size()) throw new InvalidInput("index", "no such bonus event");
            events.remove(index);
            save(staff, rules, events);
        });
    }

    @PostMapping("/merchant/loyalty/tiers/basis")
    @OnProblem(redirect = "/merchant/loyalty", errorPage = 403)
    String tierBasis(StaffPrincipal staff, @RequestParam @Nullable String basis,
            @RequestParam(required = false) @Nullable String periodDays, RedirectAttributes redirect) {
        return attempt(redirect, "tiers-saved", () -> {
            var current = tiers.rulesFor(staff);
            tiers.update(staff, basis == null ? "" : basis, FormValues.optionalNumber("periodDays", periodDays),
                    current.levels());
        });
    }

    @PostMapping("/merchant/loyalty/tiers/add")
    @OnProblem(redirect = "/merchant/loyalty", errorPage = 403)
    String addTier(StaffPrincipal staff, @RequestParam("tierName") @Nullable String name, @RequestParam @Nullable String threshold,
            @RequestParam @Nullable String discountPercent, @RequestParam @Nullable String pointsMultiplierPercent,
            RedirectAttributes redirect) {
        return attempt(redirect, "tiers-saved", () -> {
            var current = tiers.rulesFor(staff);
            var levels = new ArrayList<>(current.levels());
            var multiplier = FormValues.optionalNumber("pointsMultiplierPercent", pointsMultiplierPercent);
            var discount = FormValues.optionalNumber("discountPercent", discountPercent);
            levels.add(new Tier(0, name == null ? "" : name, FormValues.number("threshold", threshold),
                    discount == null ? 0 : discount, multiplier == null ? 100 : multiplier));
            levels.sort(Comparator.comparingLong(Tier::threshold));
            tiers.update(staff, current.basis().name(), current.periodDays(), levels);
        });
    }

    @PostMapping("/merchant/loyalty/tiers/remove")
    @OnProblem(redirect = "/merchant/loyalty", errorPage = 403)
    String removeTier(StaffPrincipal staff, @RequestParam int rank, RedirectAttributes redirect) {
        return attempt(redirect, "tiers-saved", () -> {
            TierRules current = tiers.rulesFor(staff);
            List<Tier> levels = current.levels().stream().filter(level -> level.rank() != rank).toList();
            if (levels.size() == current.levels().size()) throw new InvalidInput("rank", "no such level");
            tiers.update(staff, current.basis().name(), current.periodDays(), levels);
        });
    }

    private void save(StaffPrincipal staff, ProgramRules rules, List<ProgramRules.BonusEvent> events) {
        programs.update(staff, rules.name(), rules.pointsPerYuan(), rules.channelRates(), events, rules.expiryPolicy());
    }

    private static String attempt(RedirectAttributes redirect, String notice, Runnable change) {
        change.run();
        redirect.addFlashAttribute("notice", notice);
        return PAGE;
    }
}
