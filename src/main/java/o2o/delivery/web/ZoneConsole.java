package o2o.delivery.web;

import java.time.DayOfWeek;
import java.util.UUID;

import o2o.delivery.Area;
import o2o.delivery.DeliverySettings;
import o2o.delivery.DeliveryZones;
import o2o.delivery.Zone;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import o2o.shared.Money;
import o2o.shared.StoreId;
import o2o.shared.Problem;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A store's delivery zones and settings in the console (owners and managers): the zones by priority, a zone drawn as
 * a radius or as a polygon's points, its minimum, fee and hours, and how the store delivers. A form that does not
 * hold is drawn again with what was typed and why.
 */
@Controller
class ZoneConsole {

    private static final String BASE = "/merchant/stores/{storeId}/delivery/zones";

    private final DeliveryZones zones;
    private final Stores stores;

    ZoneConsole(DeliveryZones zones, Stores stores) {
        this.zones = zones;
        this.stores = stores;
    }

    /** The settings form as typed: amounts in yuan. */
    record SettingsForm(@Nullable String preparationMinutes, @Nullable String minutesPerQueued,
            @Nullable String speedKmh, @Nullable String capacity, @Nullable String provider,
            @Nullable String ownCost) {

        static SettingsForm of(DeliverySettings s) {
            return new SettingsForm(Integer.toString(s.preparationMinutes()), Integer.toString(s.minutesPerQueued()),
                    Integer.toString(s.speedKmh()), Integer.toString(s.capacity()), s.provider(),
                    s.ownCost().decimal());
        }

        DeliverySettings settings() {
            return new DeliverySettings(FormValues.number("preparationMinutes", preparationMinutes),
                    FormValues.number("minutesPerQueued", minutesPerQueued), FormValues.number("speedKmh", speedKmh),
                    FormValues.number("capacity", capacity),
                    provider == null || provider.isBlank() ? DeliverySettings.OWN : provider.strip(),
                    FormValues.money("ownCost", ownCost, Money.CNY));
        }
    }

    /** A zone on the list: a circle's radius, or a polygon's number of points. */
    record ZoneRow(Zone zone, @Nullable Integer radiusMeters, int points) {

        static ZoneRow of(Zone z) {
            return z.area() instanceof Area.Circle c ? new ZoneRow(z, c.radiusMeters(), 0)
                    : new ZoneRow(z, null, ((Area.Polygon) z.area()).points().size());
        }
    }

    @GetMapping(BASE)
    String list(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        return page(staff, storeId, null, model);
    }

    @PostMapping("/merchant/stores/{storeId}/delivery/settings")
    @OnProblem(render = "settingsAgain", errorPage = {403, 404})
    String saveSettings(StaffPrincipal staff, @PathVariable UUID storeId, @ModelAttribute SettingsForm settings,
            RedirectAttributes redirect) {
        zones.save(staff, storeId, settings.settings());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/merchant/stores/" + storeId + "/delivery/zones";
    }

    String settingsAgain(StaffPrincipal staff, @PathVariable UUID storeId, @ModelAttribute SettingsForm settings,
            Model model) {
        return page(staff, storeId, settings, model);
    }

    @GetMapping(BASE + "/new")
    String newZone(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        return form(staff, storeId, null, ZoneForm.blank(), model);
    }

    @GetMapping(BASE + "/{zoneId}")
    String editZone(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID zoneId, Model model) {
        stores.get(staff, storeId);
        managed(staff);
        var zone = zones.zones(staff, storeId).stream().filter(z -> z.id().equals(zoneId)).findFirst()
                .orElseThrow(() -> Problem.notFound("zone"));
        return form(staff, storeId, zoneId, ZoneForm.of(zone), model);
    }

    @PostMapping(BASE + "/new")
    @OnProblem(render = "addAgain", errorPage = {403, 404})
    String add(StaffPrincipal staff, @PathVariable UUID storeId, @ModelAttribute ZoneForm zone) {
        zones.save(staff, new StoreId(storeId), null, zone.draft());
        return "redirect:/merchant/stores/" + storeId + "/delivery/zones";
    }

    String addAgain(StaffPrincipal staff, @PathVariable UUID storeId, @ModelAttribute ZoneForm zone, Model model) {
        return form(staff, storeId, null, zone, model);
    }

    @PostMapping(BASE + "/{zoneId}")
    @OnProblem(render = "changeAgain", errorPage = {403, 404})
    String change(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID zoneId,
            @ModelAttribute ZoneForm zone) {
        zones.save(staff, new StoreId(storeId), zoneId, zone.draft());
        return "redirect:/merchant/stores/" + storeId + "/delivery/zones";
    }

    String changeAgain(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID zoneId,
            @ModelAttribute ZoneForm zone, Model model) {
        return form(staff, storeId, zoneId, zone, model);
    }

    @PostMapping(BASE + "/{zoneId}/remove")
    @OnProblem(redirect = BASE)
    String remove(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID zoneId) {
        zones.remove(staff, new StoreId(storeId), zoneId);
        return "redirect:/merchant/stores/" + storeId + "/delivery/zones";
    }

    private String page(StaffPrincipal staff, UUID storeId, @Nullable SettingsForm typed, Model model) {
        var store = stores.get(staff, storeId);
        managed(staff);
        model.addAttribute("store", store);
        model.addAttribute("zones", zones.zones(staff, storeId).stream().map(ZoneRow::of).toList());
        model.addAttribute("settings", typed != null ? typed : SettingsForm.of(zones.settings(staff, storeId)));
        model.addAttribute("providers", zones.providers());
        return "delivery/console-zones";
    }

    private String form(StaffPrincipal staff, UUID storeId, @Nullable UUID zoneId, ZoneForm form, Model model) {
        var store = stores.get(staff, storeId);
        managed(staff);
        model.addAttribute("store", store);
        model.addAttribute("zoneId", zoneId);
        model.addAttribute("form", form);
        model.addAttribute("days", DayOfWeek.values());
        return "delivery/console-zone";
    }

    private static void managed(StaffPrincipal staff) {
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers set up delivery");
    }
}
