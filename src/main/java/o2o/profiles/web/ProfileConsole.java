package o2o.profiles.web;

import java.util.LinkedHashMap;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.profiles.Profiles;
import o2o.shared.CustomerId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The profile facts as a fragment of the member's page: loyalty's page loads it with htmx, so loyalty needs nothing
 * of this module. The chart's data rides in a data attribute (the CSP forbids inline scripts).
 */
@Controller
class ProfileConsole {

    private final Profiles profiles;
    private final JsonMapper json;

    ProfileConsole(Profiles profiles, JsonMapper json) {
        this.profiles = profiles;
        this.json = json;
    }

    @GetMapping("/merchant/members/{customerId}/facts")
    String facts(StaffPrincipal staff, @PathVariable UUID customerId, Model model) {
        var facts = profiles.facts(staff, new CustomerId(customerId));
        var chart = new LinkedHashMap<String, Object>();
        chart.put("months", facts.months().stream().map(m -> m.month().toString().substring(0, 7)).toList());
        chart.put("visits", facts.months().stream().map(m -> m.visits()).toList());
        chart.put("spend", facts.months().stream().map(m -> m.spend().decimal()).toList());
        model.addAttribute("f", facts);
        model.addAttribute("chart", json.writeValueAsString(chart));
        return "profiles/facts :: facts";
    }
}
