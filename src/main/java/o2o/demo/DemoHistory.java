package o2o.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.campaigns.PastOrder;
import o2o.deals.Deal;
import o2o.insights.HistoricSale;
import o2o.insights.InsightsImport;
import o2o.insights.SalesChannel;
import o2o.merchants.Store;
import o2o.merchants.Stores;
import o2o.orders.ImportedOrder;
import o2o.profiles.PastPurchase;
import o2o.profiles.ProfileImport;
import o2o.shared.Money;
import o2o.shared.OrderId;
import org.springframework.stereotype.Component;

/**
 * Hands the demo's imported orders to the read models that no event told: the dashboards' rollups, and (for the last
 * {@value #STORY_DAYS} days) the campaigns' attribution, and the members' profiles, through their modules' bulk
 * imports.
 */
@Component
class DemoHistory {

    static final int STORY_DAYS = 60;

    private final InsightsImport insights;
    private final ProfileImport profiles;
    private final Stores stores;
    private final Clock clock;

    DemoHistory(InsightsImport insights, ProfileImport profiles, Stores stores, Clock clock) {
        this.insights = insights;
        this.profiles = profiles;
        this.stores = stores;
        this.clock = clock;
    }

    /** The city a deal's sales count in: its first store's, as the dashboards' projection says. */
    String cityOf(Deal deal) {
        return deal.terms().storeIds().stream().sorted().findFirst().flatMap(stores::find).map(Store::city).orElse("");
    }

    /** Counts the orders (with their new ids) on the dashboards; returns those of the story's days, to attribute. */
    List<PastOrder> record(List<ImportedOrder> orders, List<UUID> ids, String city) {
        var since = clock.instant().minus(Duration.ofDays(STORY_DAYS));
        var sales = new ArrayList<HistoricSale>(orders.size());
        var recent = new ArrayList<PastOrder>();
        var purchases = new ArrayList<PastPurchase>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            var order = orders.get(i);
            var id = new OrderId(ids.get(i));
            var line = order.line();
            sales.add(new HistoricSale(id, order.merchantId(), null, city, SalesChannel.valueOf(order.channel().name()),
                    order.paidAt(), line.amount().minor(), 0,
                    List.of(new HistoricSale.Line(line.title(), line.quantity(), line.amount().minor())),
                    order.customerId()));
            purchases.add(new PastPurchase(id, order.merchantId(), order.customerId(), null, order.channel(),
                    order.paidAt(), line.amount().minor(),
                    List.of(new PastPurchase.Line(line.title(), line.quantity(), line.amount().minor()))));
            if (order.paidAt().isAfter(since)) {
                recent.add(new PastOrder(id, order.customerId(), order.channel(), null, line.amount(),
                        Money.zero(line.amount().currency()), order.paidAt()));
            }
        }
        insights.importCompleted(sales);
        profiles.importPaid(purchases);
        return recent;
    }
}
