package o2o.merchants.web;

import java.util.UUID;

import jakarta.validation.Valid;
import o2o.identity.StaffPrincipal;
import o2o.merchants.City;
import o2o.merchants.MerchantApplication;
import o2o.merchants.MerchantStatus;
import o2o.merchants.Merchants;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Applying to join (anybody) and deciding on applications (operators). */
@Controller
class OnboardingPages {

    private final Merchants merchants;
    private final MessageSource messages;

    OnboardingPages(Merchants merchants, MessageSource messages) {
        this.merchants = merchants;
        this.messages = messages;
    }

    @GetMapping("/apply")
    String applyForm(Model model) {
        model.addAttribute("categories", City.CATEGORIES);
        return "merchants/apply";
    }

    @PostMapping("/apply")
    @OnProblem(render = "again", errorPage = {})
    String apply(@Valid @ModelAttribute("form") MerchantApplication form, BindingResult binding, Model model) {
        model.addAttribute("categories", City.CATEGORIES);
        if (binding.hasErrors()) {
            model.addAttribute("errors", binding.getFieldErrors().stream()
                    .map(e -> e.getField() + ": " + messages.getMessage(e, LocaleContextHolder.getLocale()))
                    .toList());
            return "merchants/apply";
        }
        model.addAttribute("done", merchants.apply(form));
        model.addAttribute("username", form.ownerUsername());
        return "merchants/apply";
    }

    String again(@ModelAttribute("form") MerchantApplication form, Model model) {
        return applyForm(model);
    }

    @GetMapping("/admin")
    String pending(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("page", merchants.inStatus(MerchantStatus.PENDING, cursor, 20));
        return "merchants/admin";
    }

    @PostMapping("/admin/merchants/{id}/approve")
    String approve(StaffPrincipal operator, @PathVariable UUID id, Model model) {
        model.addAttribute("m", merchants.approve(id, operator));
        return "merchants/admin :: application";
    }

    @PostMapping("/admin/merchants/{id}/reject")
    String reject(StaffPrincipal operator, @PathVariable UUID id, @RequestParam String reason, Model model) {
        model.addAttribute("m", merchants.reject(id, reason, operator));
        return "merchants/admin :: application";
    }
}
