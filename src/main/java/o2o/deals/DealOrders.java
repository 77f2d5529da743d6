package o2o.deals;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.deals.persistence.DealStock;
import o2o.identity.CustomerPrincipal;
import o2o.orders.Channel;
import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.orders.Order;
import o2o.orders.Orders;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API for buying a deal: an order of DEAL lines placed through {@link Orders#place}, and in the same
 * transaction the customer's allowance and the stock it takes (given back by {@link DealStockRelease} if the order is
 * cancelled unpaid).
 */
@Service
public class DealOrders {

    private final Deals deals;
    private final DealStock stock;
    private final Orders orders;
    private final DealsProperties properties;
    private final Clock clock;

    DealOrders(Deals deals, DealStock stock, Orders orders, DealsProperties properties, Clock clock) {
        this.deals = deals;
        this.stock = stock;
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Places an order for units of a deal, with the coupon and {@code pointsToUse} of the customer's points paying part
     * of it after the coupon (spent with the order, given back if it is cancelled). An order the points pay in full is
     * paid at once.
     */
    @Transactional
    public Order place(CustomerPrincipal customer, UUID dealId, int quantity, @Nullable UUID couponId,
            long pointsToUse) {
        if (pointsToUse < 0) throw new InvalidInput("pointsToUse", "0 or more");
        if (quantity < 1 || quantity > properties.maxQuantity()) {
            throw new InvalidInput("quantity", "1 to " + properties.maxQuantity());
        }
        var deal = deals.find(dealId).orElseThrow(() -> Problem.notFound("deal"));
        deal.requireOnSale(clock.instant());
        deal.requireWithinLimit(quantity);
        deal.requireInStock(quantity);
        var price = deal.terms().price();
        var line = new NewOrder.Line(LineKind.DEAL, deal.id(), deal.terms().title(), price, quantity,
                price.times(quantity));
        var order = orders.place(new NewOrder(new MerchantId(deal.merchantId()), null,
                customer.id(), Channel.DEAL, List.of(line), Money.zero(price.currency()),
                couponId, pointsToUse, deal.terms().storeIds()));
        stock.take(deal, customer.customerId(), quantity);
        return order;
    }
}
