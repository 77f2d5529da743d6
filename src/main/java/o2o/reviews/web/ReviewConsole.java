package o2o.reviews.web;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.identity.StaffPrincipal;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.reviews.Review;
import o2o.reviews.Reviews;
import o2o.shared.Problem;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The merchant's review inbox: open flagged reviews first with their reply deadline, then the rest, newest first;
 * replying and resolving redraw the review's card in place (htmx), or the whole page without it.
 */
@Controller
class ReviewConsole {

    private final Reviews reviews;
    private final Stores stores;
    private final Clock clock;

    ReviewConsole(Reviews reviews, Stores stores, Clock clock) {
        this.reviews = reviews;
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/merchant/reviews")
    String inbox(StaffPrincipal staff, @RequestParam(defaultValue = "false") boolean unresolved,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        if (!staff.role().manages()) throw Problem.forbidden("only owners and managers answer reviews");
        model.addAttribute("page", reviews.inbox(staff, false, unresolved, cursor));
        model.addAttribute("unresolved", unresolved);
        model.addAttribute("first", cursor == null);
        common(staff, model);
        return cursor == null ? "reviews/inbox" : "reviews/cards :: more";
    }

    @PostMapping("/merchant/reviews/{id}/reply")
    @OnProblem(render = "refused", errorPage = 404)
    String reply(StaffPrincipal staff, @PathVariable UUID id, @RequestParam(defaultValue = "") String text,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return card(staff, reviews.reply(staff, id, text), htmx, model);
    }

    @PostMapping("/merchant/reviews/{id}/resolve")
    @OnProblem(render = "refused", errorPage = 404)
    String resolve(StaffPrincipal staff, @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return card(staff, reviews.resolve(staff, id), htmx, model);
    }

    /** The review's card with the refusal on it (another colleague may have answered first); the page without htmx. */
    String refused(StaffPrincipal staff, @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        if (htmx != null) return card(staff, reviews.ofMerchant(staff, id), htmx, model);
        model.addAttribute("page", reviews.inbox(staff, false, false, null));
        model.addAttribute("unresolved", false);
        model.addAttribute("first", true);
        common(staff, model);
        return "reviews/inbox";
    }

    private String card(StaffPrincipal staff, Review review, @Nullable String htmx, Model model) {
        if (htmx == null) return "redirect:/merchant/reviews";
        model.addAttribute("r", review);
        common(staff, model);
        return "reviews/cards :: card";
    }

    private void common(StaffPrincipal staff, Model model) {
        Map<UUID, String> names = stores.visibleTo(staff).stream()
                .collect(Collectors.toMap(Store::id, Store::name, (a, b) -> a));
        model.addAttribute("storeNames", names);
        model.addAttribute("now", clock.instant());
    }
}
