package o2o.deals.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import o2o.deals.Deal;
import o2o.deals.Deals;
import o2o.merchants.Stores;
import o2o.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A deal's page on the customer site; buying it is the orders module's (the form posts there). */
@Controller
class DealPages {

    /** Units of one deal per order, as checkout allows by default (o2o.deals.max-quantity). */
    private static final int MOST_PER_ORDER = 20;

    private final Deals deals;
    private final Stores stores;
    private final Clock clock;

    DealPages(Deals deals, Stores stores, Clock clock) {
        this.deals = deals;
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/deals/{id}")
    String deal(@PathVariable UUID id, Model model) {
        var deal = deals.find(id).orElseThrow(() -> Problem.notFound("deal"));
        var usableAt = deal.terms().storeIds().stream()
                .map(storeId -> stores.findListed(storeId).orElse(null))
                .filter(Objects::nonNull)
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
        if (usableAt.isEmpty()) throw Problem.notFound("deal");
        model.addAttribute("deal", deal);
        model.addAttribute("merchantName", deals.merchantNames(List.of(deal)).getOrDefault(deal.merchantId(), ""));
        model.addAttribute("stores", usableAt);
        model.addAttribute("state", state(deal));
        model.addAttribute("maxQuantity", maxQuantity(deal));
        model.addAttribute("days", DayOfWeek.values());
        return "deals/deal";
    }

    /** The most the quantity selector offers; checkout enforces the real limits. */
    private static int maxQuantity(Deal deal) {
        int most = MOST_PER_ORDER;
        if (deal.terms().perCustomerLimit() != null) most = Math.min(most, deal.terms().perCustomerLimit());
        if (deal.stockLeft() != null) most = Math.min(most, Math.max(1, deal.stockLeft()));
        return most;
    }

    /** What the buyer is told instead of the Buy button, or ON_SALE. */
    private String state(Deal deal) {
        var now = clock.instant();
        if (!deal.active() || !now.isBefore(deal.terms().saleEndsAt())) return "ENDED";
        if (now.isBefore(deal.terms().saleStartsAt())) return "NOT_STARTED";
        if (deal.stockLeft() != null && deal.stockLeft() <= 0) return "SOLD_OUT";
        return "ON_SALE";
    }
}
