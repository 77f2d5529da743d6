package o2o.orders;

import java.time.Clock;
import java.util.List;

import o2o.orders.persistence.OrderGroups;
import o2o.orders.persistence.OrderRows;
import o2o.payments.Payment;
import o2o.payments.PaymentProvider;
import o2o.payments.Payments;
import o2o.payments.StartPayment;
import o2o.shared.CustomerId;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Gathering orders of several merchants into a group, and starting the group's one payment to its payee. */
@Component
class GroupPayments {

    private final OrderGroups groups;
    private final OrderRows rows;
    private final Payments payments;
    private final Clock clock;

    GroupPayments(OrderGroups groups, OrderRows rows, Payments payments, Clock clock) {
        this.groups = groups;
        this.rows = rows;
        this.payments = payments;
        this.clock = clock;
    }

    /** The group of the customer's just-placed unpaid orders; 409 when one of them cannot be grouped. */
    OrderGroup group(CustomerId customer, MerchantId payee, String title, List<OrderId> orders) {
        if (orders.isEmpty()) throw new InvalidInput("orders", "at least one");
        if (title.isBlank() || title.length() > 60) throw new InvalidInput("title", "1 to 60 characters");
        var ids = orders.stream().map(OrderId::value).distinct().toList();
        var id = Ids.next();
        if (!groups.insert(id, customer.value(), payee.value(), title, ids, clock.instant())
                || rows.group(id, customer.value(), ids) != ids.size()) {
            throw new Problem(HttpStatus.CONFLICT, "order-not-groupable",
                    "every order of a group is the customer's, unpaid, in no other group and has something to pay");
        }
        return groups.find(id).orElseThrow();
    }

    /**
     * One payment of the group's total to its payee, the group named as its order; every order of it must still be
     * waiting for payment. {@code online} is the payee's first gateway.
     */
    Payment start(OrderGroup group, String provider, String returnUrl) {
        var now = clock.instant();
        for (var order : rows.ofGroup(group.id())) order.requirePayableInGroup(now);
        var gateway = provider;
        if (Orders.ONLINE.equals(provider)) {
            var gateways = payments.gatewaysOf(group.payee().value());
            if (gateways.isEmpty()) {
                throw new Problem(HttpStatus.CONFLICT, "payment-provider-unavailable",
                        "this merchant takes no online payments", "online");
            }
            gateway = gateways.getFirst();
        }
        return payments.start(new StartPayment(new OrderId(group.id()), group.payee(), group.customerId(),
                group.total(), gateway, group.title(), returnUrl, PaymentProvider.Scene.PAGE, null));
    }
}
