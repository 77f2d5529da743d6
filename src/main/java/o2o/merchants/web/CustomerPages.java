package o2o.merchants.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

import o2o.merchants.City;
import o2o.merchants.NearbyQuery;
import o2o.merchants.Stores;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import o2o.shared.Page;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer site: stores near you, and a store's page. */
@Controller
class CustomerPages {

    private final Stores stores;
    private final Clock clock;

    CustomerPages(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("cities", City.ALL);
        model.addAttribute("categories", City.CATEGORIES);
        return "home";
    }

    /** htmx: the result list (first page) or the next page's items (with a cursor). */
    @GetMapping("/nearby")
    String nearby(@RequestParam double lat, @RequestParam double lng,
            @RequestParam(defaultValue = "3000") int radiusMeters, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        try {
            var page = stores.nearby(new NearbyQuery(new GeoPoint(lat, lng), radiusMeters, 20, q, category, cursor));
            model.addAttribute("page", page);
        } catch (InvalidInput e) {
            model.addAttribute("page", new Page<>(List.of(), null));
        }
        model.addAttribute("first", cursor == null);
        return "nearby-results :: results";
    }

    @GetMapping("/stores/{id}")
    String store(@PathVariable UUID id, Model model) {
        var store = stores.findListed(id).orElseThrow(() -> Problem.notFound("store"));
        model.addAttribute("store", store);
        model.addAttribute("openNow", store.isOpenAt(clock.instant()));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("highlights", stores.highlightsAt(id));
        return "store";
    }
}
