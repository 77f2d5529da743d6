package o2o.dining.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.dining.Area;
import o2o.dining.DiningTable;
import o2o.dining.FloorPlan;
import o2o.dining.TableScans;
import o2o.dining.TrackingCode;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.shared.web.OnProblem;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's dining pages: the waiter's view of the floor, the printable QR sheet, the walk-in conversions. */
@Controller
class FloorPages {

    private final FloorPlan floor;
    private final TableScans scans;
    private final Stores stores;
    private final TableLinks links;
    private final Clock clock;

    FloorPages(FloorPlan floor, TableScans scans, Stores stores, TableLinks links, Clock clock) {
        this.floor = floor;
        this.scans = scans;
        this.stores = stores;
        this.links = links;
        this.clock = clock;
    }

    /** Phone-first: every table, free or taken (party, since when); the board refreshes itself every 5 s. */
    @GetMapping("/merchant/stores/{storeId}/tables")
    String floor(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        board(staff, storeId, model);
        return "dining/floor";
    }

    @GetMapping("/merchant/stores/{storeId}/tables/board")
    String boardFragment(StaffPrincipal staff, @PathVariable UUID storeId, Model model) {
        board(staff, storeId, model);
        return "dining/floor :: board";
    }

    @PostMapping("/merchant/stores/{storeId}/tables/{tableId}/seat")
    @OnProblem(render = "after")
    String seat(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID tableId,
            @RequestParam(defaultValue = "0") int partySize,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        floor.seat(staff, tableId, partySize);
        return after(staff, storeId, htmx, model);
    }

    @PostMapping("/merchant/stores/{storeId}/tables/{tableId}/clear")
    String clear(StaffPrincipal staff, @PathVariable UUID storeId, @PathVariable UUID tableId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        floor.clearIfOpen(staff, tableId);
        return after(staff, storeId, htmx, model);
    }

    /** A4 sheet of table cards (store, table, QR, how to use it), to print; {@code src} goes into every QR. */
    @GetMapping("/merchant/stores/{storeId}/tables/sheet")
    String sheet(StaffPrincipal staff, @PathVariable UUID storeId,
            @RequestParam(required = false) @Nullable String src, Model model) {
        var tracking = TrackingCode.parse(src);
        var store = floor.managedStore(staff, storeId);
        model.addAttribute("store", store);
        model.addAttribute("src", tracking);
        var tables = floor.tables(staff, storeId);
        model.addAttribute("tables", tables);
        // the address each QR carries, printed under it for a phone that cannot scan
        model.addAttribute("urls", tables.stream()
                .collect(Collectors.toMap(DiningTable::id, t -> links.scanUrl(t.code(), tracking))));
        model.addAttribute("areas", floor.areas(staff, storeId).stream()
                .collect(Collectors.toMap(Area::id, Area::name)));
        return "dining/sheet";
    }

    /** What the table QR codes brought in, per store, day and tracking code; the last 7 days unless asked. */
    @GetMapping("/merchant/dining")
    @OnProblem(render = "noConversions", errorPage = 403)
    String conversions(StaffPrincipal staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        var period = period(staff, from, to, model);
        model.addAttribute("rows", staff.role().manages()
                ? scans.conversions(staff, period.getFirst(), period.getLast()) : List.of());
        return "dining/conversions";
    }

    String noConversions(StaffPrincipal staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        period(staff, from, to, model);
        model.addAttribute("rows", List.of());
        return "dining/conversions";
    }

    /** The days asked for (the last 7 unless asked), first and last, with the page's filters. */
    private List<LocalDate> period(StaffPrincipal staff, @Nullable LocalDate from, @Nullable LocalDate to,
            Model model) {
        var until = to != null ? to : LocalDate.now(clock.withZone(PageText.ZONE));
        var since = from != null ? from : until.minusDays(6);
        var visible = stores.visibleTo(staff);
        model.addAttribute("from", since);
        model.addAttribute("to", until);
        model.addAttribute("stores", visible);
        model.addAttribute("storeNames", visible.stream().collect(Collectors.toMap(Store::id, Store::name)));
        model.addAttribute("manages", staff.role().manages());
        return List.of(since, until);
    }

    String after(StaffPrincipal staff, @PathVariable UUID storeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        if (htmx == null) return "redirect:/merchant/stores/" + storeId + "/tables";
        board(staff, storeId, model);
        return "dining/floor :: board";
    }

    private void board(StaffPrincipal staff, UUID storeId, Model model) {
        model.addAttribute("store", floor.floorStore(staff, storeId));
        model.addAttribute("tables", floor.status(staff, storeId));
    }
}
