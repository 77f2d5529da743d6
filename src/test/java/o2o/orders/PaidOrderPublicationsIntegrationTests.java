package o2o.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a paid deal order costs the event publication registry: each publication is a row written, marked and archived
 * and a transaction of its own, so only the listeners that act on a deal's order may record one. Listeners of other
 * channels (pick-up, bookings, tables, top-ups, delivery) carry conditions that keep them out.
 */
class PaidOrderPublicationsIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPaidDealOrderRecordsOnlyThePublicationsOfTheListenersThatActOnIt() {
        var merchant = fixtures.approvedMerchant("登记簿餐厅");
        var store = fixtures.store(merchant, "登记簿店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 2990, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, 1).text("id");
        fixtures.pay(customer, orderId, true);
        fixtures.vouchersOf(customer, 1);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listeners(orderId))
                .containsExactlyInAnyOrder("OrderReactions.on(o2o.payments.PaymentSucceeded)",
                        "PointsReactions.on(o2o.orders.OrderPaid)", "VoucherReactions.on(o2o.orders.OrderPaid)"));
    }

    /** The listeners that recorded a publication of an event naming this order, done or not. */
    List<String> listeners(String orderId) {
        return jdbc.sql("""
                        select listener_id from event_publication where serialized_event like :order
                        union all
                        select listener_id from event_publication_archive where serialized_event like :order
                        """)
                .param("order", "%" + orderId + "%")
                .query(String.class).list().stream()
                .map(PaidOrderPublicationsIntegrationTests::classAndMethod)
                .toList();
    }

    /** {@code o2o.vouchers.VoucherReactions.on(o2o.orders.OrderPaid)} → {@code VoucherReactions.on(o2o.orders.OrderPaid)}. */
    static String classAndMethod(String listenerId) {
        var name = listenerId.substring(0, listenerId.indexOf('('));
        var classEnd = name.lastIndexOf('.');
        return listenerId.substring(name.lastIndexOf('.', classEnd - 1) + 1);
    }
}
