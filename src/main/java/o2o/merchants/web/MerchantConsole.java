package o2o.merchants.web;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.merchants.Merchants;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import o2o.shared.web.PageText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant console: the merchant's status and stores, and the store editor. */
@Controller
class MerchantConsole {

    private final Merchants merchants;
    private final Stores stores;
    private final PageText text;

    MerchantConsole(Merchants merchants, Stores stores, PageText text) {
        this.merchants = merchants;
        this.stores = stores;
        this.text = text;
    }

    @GetMapping("/merchant")
    String console(StaffPrincipal staff, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute("merchant", merchants.find(staff.merchantId()).orElseThrow(() -> Problem.notFound("merchant")));
        model.addAttribute("stores", stores.visibleTo(staff));
        model.addAttribute("canOpen", staff.role().manages() && staff.storeIds().isEmpty());
        return "merchants/console";
    }

    @GetMapping("/merchant/stores/new")
    String newStore(Model model) {
        return form(model, null, StoreForm.blank(), null);
    }

    @PostMapping("/merchant/stores/new")
    String open(StaffPrincipal staff, @ModelAttribute StoreForm form, Model model, RedirectAttributes redirect) {
        try {
            var store = stores.open(staff, form.toDetails());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/merchant/stores/" + store.id();
        } catch (Problem problem) {
            return form(model, null, form, problem);
        }
    }

    @GetMapping("/merchant/stores/{id}")
    String edit(StaffPrincipal staff, @PathVariable UUID id, Model model) {
        return form(model, id, StoreForm.of(stores.get(staff, id)), null);
    }

    @PostMapping("/merchant/stores/{id}")
    String update(StaffPrincipal staff, @PathVariable UUID id, @ModelAttribute StoreForm form, Model model,
            RedirectAttributes redirect) {
        try {
            stores.update(staff, id, form.toDetails());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/merchant/stores/" + id;
        } catch (Problem problem) {
            if (problem.status().value() == 404) throw problem;
            return form(model, id, form, problem);
        }
    }

    private String form(Model model, UUID storeId, StoreForm form, Problem problem) {
        model.addAttribute("storeId", storeId);
        model.addAttribute("form", form);
        model.addAttribute("days", DayOfWeek.values());
        if (!model.containsAttribute("saved")) model.addAttribute("saved", false);
        if (problem != null) {
            model.addAttribute("errors", List.of(text.problem(problem)));
        }
        return "merchants/store-form";
    }

}
