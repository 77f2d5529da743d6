package o2o.vouchers.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import o2o.vouchers.Redemptions;
import o2o.vouchers.VoucherCode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The counter: redeem a voucher by its typed code or a scanned QR code; the log, with reversal for managers. */
@Controller
class RedemptionConsole {

    private static final String DEVICE = "web-console";

    private final Redemptions redemptions;
    private final Stores stores;
    private final PageText text;

    RedemptionConsole(Redemptions redemptions, Stores stores, PageText text) {
        this.redemptions = redemptions;
        this.stores = stores;
        this.text = text;
    }

    @GetMapping("/merchant/redeem")
    String counter(StaffPrincipal staff, @RequestParam(required = false) @Nullable UUID storeId, Model model) {
        model.addAttribute("stores", stores.visibleTo(staff));
        model.addAttribute("storeId", storeId);
        return "vouchers/redeem";
    }

    /** htmx answers with the result block; a plain form post gets the whole page with it. */
    @PostMapping("/merchant/redeem")
    @OnProblem(render = "refused", errorPage = {})
    String redeem(StaffPrincipal staff, @RequestParam UUID storeId, @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String qrToken,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var visible = stores.visibleTo(staff);
        var redemption = redemptions.redeem(staff, storeId, blankToNull(code), blankToNull(qrToken), DEVICE);
        model.addAttribute("ok", true);
        model.addAttribute("redemption", redemption);
        model.addAttribute("code", new VoucherCode(redemption.code()).grouped());
        model.addAttribute("at", text.dateTime(redemption.redeemedAt(), zoneOf(visible, storeId)));
        return result(htmx, visible, storeId, model);
    }

    String refused(StaffPrincipal staff, @RequestParam UUID storeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Problem problem, Model model) {
        var visible = stores.visibleTo(staff);
        model.addAttribute("ok", false);
        model.addAttribute("message", message(problem, visible));
        return result(htmx, visible, storeId, model);
    }

    private static String result(@Nullable String htmx, List<Store> visible, UUID storeId, Model model) {
        if (htmx != null) return "vouchers/redeem :: result";
        model.addAttribute("stores", visible);
        model.addAttribute("storeId", storeId);
        return "vouchers/redeem";
    }

    @GetMapping("/merchant/redemptions")
    String log(StaffPrincipal staff, @RequestParam(required = false) @Nullable UUID storeId, Model model) {
        var visible = stores.visibleTo(staff);
        var byId = visible.stream().collect(Collectors.toMap(Store::id, Function.identity()));
        model.addAttribute("stores", visible);
        model.addAttribute("storeId", storeId);
        model.addAttribute("byId", byId);
        model.addAttribute("defaultZone", PageText.ZONE);
        model.addAttribute("staff", staff);
        model.addAttribute("redemptions", redemptions.log(staff, storeId, 100));
        return "vouchers/redemptions";
    }

    @PostMapping("/merchant/redemptions/{id}/reverse")
    @OnProblem(redirect = "/merchant/redemptions", errorPage = 404)
    String reverse(StaffPrincipal staff, @PathVariable UUID id, RedirectAttributes redirect) {
        redemptions.reverse(staff, id);
        redirect.addFlashAttribute("reversed", id);
        return "redirect:/merchant/redemptions";
    }

    /** "Already redeemed" names the store and the time in that store's zone, the way the counter reads it. */
    private String message(Problem problem, List<Store> visible) {
        if (problem instanceof InvalidInput) {
            return text.problem("redeem.invalid." + problem.properties().get("field"), problem);
        }
        if (problem.slug().equals("not-found")) return text.problem("redeem.not-found", problem);
        if (!problem.slug().equals("voucher-already-redeemed") || problem.properties().isEmpty()) {
            return text.problem(problem);
        }
        var properties = problem.properties();
        var storeName = String.valueOf(properties.getOrDefault("storeName", ""));
        var at = String.valueOf(properties.getOrDefault("redeemedAt", ""));
        try {
            var storeId = UUID.fromString(String.valueOf(properties.get("storeId")));
            at = text.dateTime(Instant.parse(at), zoneOf(visible, storeId));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // shown as sent
        }
        return text.message("redeem.already", storeName, at);
    }

    private static ZoneId zoneOf(List<Store> visible, UUID storeId) {
        return visible.stream().filter(s -> s.id().equals(storeId)).map(Store::timeZone).findFirst()
                .orElse(PageText.ZONE);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
