package o2o.merchants.web;

import java.time.DayOfWeek;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.merchants.Merchants;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
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

    MerchantConsole(Merchants merchants, Stores stores) {
        this.merchants = merchants;
        this.stores = stores;
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
        return form(model, null, StoreForm.blank());
    }

    @PostMapping("/merchant/stores/new")
    @OnProblem(render = "openForm", errorPage = {})
    String open(StaffPrincipal staff, @ModelAttribute StoreForm form, RedirectAttributes redirect) {
        var store = stores.open(staff, form.toDetails());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/merchant/stores/" + store.id();
    }

    String openForm(@ModelAttribute StoreForm form, Model model) {
        return form(model, null, form);
    }

    @GetMapping("/merchant/stores/{id}")
    String edit(StaffPrincipal staff, @PathVariable UUID id, Model model) {
        return form(model, id, StoreForm.of(stores.get(staff, id)));
    }

    @PostMapping("/merchant/stores/{id}")
    @OnProblem(render = "updateForm", errorPage = 404)
    String update(StaffPrincipal staff, @PathVariable UUID id, @ModelAttribute StoreForm form,
            RedirectAttributes redirect) {
        stores.update(staff, id, form.toDetails());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/merchant/stores/" + id;
    }

    String updateForm(@PathVariable UUID id, @ModelAttribute StoreForm form, Model model) {
        return form(model, id, form);
    }

    private String form(Model model, @Nullable UUID storeId, StoreForm form) {
        model.addAttribute("storeId", storeId);
        model.addAttribute("form", form);
        model.addAttribute("days", DayOfWeek.values());
        if (!model.containsAttribute("saved")) model.addAttribute("saved", false);
        return "merchants/store-form";
    }

}
