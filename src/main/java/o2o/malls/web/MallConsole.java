package o2o.malls.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.malls.Floor;
import o2o.malls.Malls;
import o2o.malls.Tenant;
import o2o.merchants.Store;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The mall operator's console: the mall, its floors with their tenants, and the ways into the mall's programs. The
 * merchant console asks for the link by its address, so a merchant that runs no mall shows none.
 */
@Controller
class MallConsole {

    private final Malls malls;
    private final MallViews views;

    MallConsole(Malls malls, MallViews views) {
        this.malls = malls;
        this.views = views;
    }

    /** A floor with its tenants, for the page. */
    record FloorRow(Floor floor, List<TenantRow> tenants) {}

    record TenantRow(Tenant tenant, String name) {}

    @GetMapping("/merchant/mall")
    String console(StaffPrincipal staff, Model model) {
        var mall = malls.operatedBy(staff);
        var tenants = malls.tenants(mall.id());
        Map<UUID, Store> stores = views.storesOf(tenants);
        var byFloor = new LinkedHashMap<Integer, FloorRow>();
        mall.floors().reversed().forEach(f -> byFloor.put(f.level(), new FloorRow(f, new java.util.ArrayList<>())));
        for (var t : tenants) {
            var store = stores.get(t.store().value());
            byFloor.get(t.floor()).tenants().add(new TenantRow(t, store == null ? "" : store.name()));
        }
        model.addAttribute("mall", mall);
        model.addAttribute("building", malls.building(mall));
        model.addAttribute("floors", byFloor.values());
        model.addAttribute("tenantCount", tenants.size());
        return "malls/console";
    }

    /** The merchant console's link to the mall console: there only for a mall's owners and managers. */
    @GetMapping("/merchant/mall/link")
    String link(StaffPrincipal staff, Model model) {
        var runs = staff.merchantId() != null && staff.role().manages()
                && malls.runBy(new MerchantId(staff.merchantId())).isPresent();
        model.addAttribute("runs", runs);
        return "malls/console :: link";
    }
}
