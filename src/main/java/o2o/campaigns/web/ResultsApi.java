package o2o.campaigns.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.campaigns.CampaignResults;
import o2o.campaigns.Results;
import o2o.identity.StaffPrincipal;
import o2o.merchants.Stores;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's results (owners and managers). */
@RestController
@Tag(name = "Campaigns")
class ResultsApi {

    private final Results results;
    private final Stores stores;

    ResultsApi(Results results, Stores stores) {
        this.results = results;
        this.stores = stores;
    }

    @GetMapping("/api/v1/merchant/campaigns/{id}/results")
    @Operation(summary = "The campaign's results from one day to another (ISO dates in Shanghai, both included, at "
            + "most 366 days; each missing one the campaign's own): scans, visitors, sign-ins, new members, orders, "
            + "net revenue, discount cost, media cost, ROI, cost per new member; by code, channel, store and day; "
            + "and the funnel from scan to redemption")
    ResultsResponse results(StaffPrincipal staff, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        var found = results.of(staff, id, from, to);
        return ResultsResponse.of(found, storeNames(found, stores));
    }

    /** The names of the stores the results name. */
    static Map<String, String> storeNames(CampaignResults results, Stores stores) {
        var names = new HashMap<String, String>();
        for (var row : results.byStore()) {
            if (row.key().isEmpty()) continue;
            stores.find(UUID.fromString(row.key())).ifPresent(s -> names.put(row.key(), s.name()));
        }
        return names;
    }
}
