package o2o.pos.web;

import java.io.Serializable;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.pos.PosKeyAdmin;
import o2o.pos.PosSales;
import o2o.shared.StoreId;
import o2o.shared.web.OnProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's POS page: each store's API keys (a new key is shown once, carried to the next page as a flash
 * attribute and never stored in the clear) and the latest POS sales.
 */
@Controller
class PosConsole {

    private final PosKeyAdmin admin;
    private final PosSales sales;

    PosConsole(PosKeyAdmin admin, PosSales sales) {
        this.admin = admin;
        this.sales = sales;
    }

    @GetMapping("/merchant/pos")
    String page(StaffPrincipal staff, Model model) {
        model.addAttribute("stores", admin.overview(staff));
        model.addAttribute("sales", sales.recent(staff.merchantId(), 50));
        return "pos/console";
    }

    @PostMapping("/merchant/pos/keys")
    @OnProblem(redirect = "/merchant/pos", errorPage = {})
    String create(StaffPrincipal staff, @RequestParam UUID storeId, @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        var issued = admin.create(staff, storeId, name);
        // the flash map lives in the page session (in the database): names and text only
        redirect.addFlashAttribute("issued", new Issued(issued.key().name(), issued.secret()));
        return "redirect:/merchant/pos";
    }

    @PostMapping("/merchant/pos/keys/{keyId}/revoke")
    @OnProblem(redirect = "/merchant/pos", errorPage = {})
    String revoke(StaffPrincipal staff, @PathVariable UUID keyId, @RequestParam UUID storeId) {
        admin.revoke(staff, new StoreId(storeId), keyId);
        return "redirect:/merchant/pos";
    }

    /** The key just made, shown once on the next page: its name and its secret. */
    record Issued(String name, String secret) implements Serializable {}
}
