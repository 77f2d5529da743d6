package o2o.reservations.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.dining.FloorPlan;
import o2o.identity.StaffPrincipal;
import o2o.reservations.Reservation;
import o2o.reservations.ReservationSettings;
import o2o.reservations.ReservationSettings.TableType;
import o2o.reservations.Reservations;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.StoreId;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's booking pages: the day's bookings by slot with check-in at a free table, no-show and cancel (floor
 * staff); the booking rules (owners and managers).
 */
@Controller
class ReservationConsole {

    /** Rows for table types on the settings form. */
    static final int TYPE_ROWS = 6;

    private final Reservations reservations;
    private final FloorPlan floor;
    private final PageText text;

    ReservationConsole(Reservations reservations, FloorPlan floor, PageText text) {
        this.reservations = reservations;
        this.floor = floor;
        this.text = text;
    }

    @GetMapping("/merchant/stores/{storeId}/reservations")
    String day(StaffPrincipal staff, @PathVariable UUID storeId, @RequestParam(required = false) @Nullable String date,
            Model model) {
        var store = reservations.floorStore(staff, storeId);
        var day = date == null || date.isBlank() ? reservations.today(store) : ReservationApi.date(date);
        var bySlot = new LinkedHashMap<LocalTime, List<Reservation>>();
        for (var booking : reservations.day(staff, storeId, day)) {
            bySlot.computeIfAbsent(booking.time(), t -> new ArrayList<>()).add(booking);
        }
        model.addAttribute("store", store);
        model.addAttribute("date", day);
        model.addAttribute("bySlot", bySlot);
        model.addAttribute("freeTables", floor.status(staff, storeId).stream().filter(t -> !t.occupied()).toList());
        model.addAttribute("manages", staff.role().manages());
        return "reservations/day";
    }

    @PostMapping("/merchant/stores/{storeId}/reservations/{id}/check-in")
    @OnProblem(redirect = "/merchant/stores/{storeId}/reservations?date={date}")
    String checkIn(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID tableId, @RequestParam String date,
            RedirectAttributes redirect) {
        return act(storeId, date, redirect, () -> {
            if (tableId == null) throw new InvalidInput("tableId", "pick a table");
            reservations.checkIn(staff, new StoreId(storeId), id, tableId);
            return "reservations.console.checked-in";
        });
    }

    @PostMapping("/merchant/stores/{storeId}/reservations/{id}/no-show")
    @OnProblem(redirect = "/merchant/stores/{storeId}/reservations?date={date}")
    String noShow(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id, @RequestParam String date,
            RedirectAttributes redirect) {
        return act(storeId, date, redirect, () -> {
            reservations.noShow(staff, new StoreId(storeId), id);
            return "reservations.console.marked-no-show";
        });
    }

    @PostMapping("/merchant/stores/{storeId}/reservations/{id}/cancel")
    @OnProblem(redirect = "/merchant/stores/{storeId}/reservations?date={date}")
    String cancel(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID id, @RequestParam String date,
            RedirectAttributes redirect) {
        return act(storeId, date, redirect, () -> {
            reservations.cancel(staff, new StoreId(storeId), id);
            return "reservations.console.cancelled";
        });
    }

    @GetMapping("/merchant/stores/{storeId}/reservations/settings")
    String settings(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        var store = reservations.managedStore(staff, storeId);
        var settings = reservations.settings(staff, storeId).orElse(null);
        var slots = new EnumMap<DayOfWeek, String>(DayOfWeek.class);
        var types = new ArrayList<TableType>(settings == null ? List.of() : settings.tableTypes());
        for (var day : DayOfWeek.values()) {
            slots.put(day, settings == null ? "" : String.join(" ",
                    settings.slotsOn(day).stream().map(LocalTime::toString).toList()));
        }
        model.addAttribute("store", store);
        model.addAttribute("settings", settings);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("slots", slots);
        model.addAttribute("types", types);
        model.addAttribute("typeRows", java.util.stream.IntStream.range(0, TYPE_ROWS).boxed().toList());
        return "reservations/settings";
    }

    @PostMapping("/merchant/stores/{storeId}/reservations/settings")
    @OnProblem(redirect = "/merchant/stores/{storeId}/reservations/settings")
    String saveSettings(StaffPrincipal staff, @PathVariable UUID storeId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        reservations.managedStore(staff, storeId);
        reservations.saveSettings(staff, storeId, fromForm(form));
        redirect.addFlashAttribute("done", text.message("reservations.settings.saved"));
        return "redirect:/merchant/stores/" + storeId + "/reservations/settings";
    }

    static ReservationSettings fromForm(Map<String, String> form) {
        var slots = new EnumMap<DayOfWeek, List<LocalTime>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            slots.put(day, ReservationSettings.parseTimes("slots", form.get("slots_" + day)));
        }
        var types = new ArrayList<TableType>();
        for (int i = 0; i < TYPE_ROWS; i++) {
            var name = form.getOrDefault("typeName_" + i, "");
            if (name.isBlank()) continue;
            types.add(new TableType(name, FormValues.number("minParty", form.get("typeMin_" + i)),
                    FormValues.number("maxParty", form.get("typeMax_" + i)),
                    FormValues.number("tables", form.get("typeTables_" + i))));
        }
        var deposit = FormValues.optionalMoney("deposit", form.get("deposit"), Money.CNY);
        return new ReservationSettings(slots, types, FormValues.number("daysAhead", form.get("daysAhead")),
                FormValues.number("cutoffMinutes", form.get("cutoffMinutes")),
                deposit == null ? Money.cny(0) : deposit, "true".equals(form.get("depositPerPerson")),
                FormValues.number("freeCancelHours", form.get("freeCancelHours")),
                FormValues.number("reminderMinutes", form.get("reminderMinutes")));
    }

    private interface Action {
        String run();
    }

    private String act(UUID storeId, String date, RedirectAttributes redirect, Action action) {
        redirect.addFlashAttribute("done", text.message(action.run()));
        redirect.addAttribute("date", date);
        return "redirect:/merchant/stores/" + storeId + "/reservations";
    }
}
