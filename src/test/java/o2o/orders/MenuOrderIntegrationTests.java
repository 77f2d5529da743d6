package o2o.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.identity.CustomerPrincipal;
import o2o.shared.CustomerId;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders that other modules price (a table's bill, pick-up, deposits): placing them and paying at the counter. */
class MenuOrderIntegrationTests extends ApiTest {

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    Fixtures.MerchantFixture merchant;
    UUID store;
    MerchantId merchantId;
    StoreId storeId;

    @BeforeEach
    void setUp() {
        merchant = fixtures.approvedMerchant("点单商户");
        store = fixtures.store(merchant, "点单店", 31.2, 121.4, "火锅");
        merchantId = new MerchantId(merchant.id());
        storeId = new StoreId(store);
    }

    @Test
    void aWalkInsTableShareIsPaidAtTheCounterOnceHoweverManyTapsAtOnce() throws Exception {
        var order = orders.place(new NewOrder(merchantId, storeId, null, Channel.DINE_IN,
                List.of(dish("红烧肉", 4800, 2), dish("米饭", 300, 3)), Money.cny(0), null, 0));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.storeId().value()).isEqualTo(store);
        assertThat(order.subtotal()).isEqualTo(Money.cny(10500));
        assertThat(order.total()).isEqualTo(Money.cny(10500));
        assertThat(order.lines()).extracting(OrderLine::title).containsExactly("红烧肉", "米饭");

        var results = Concurrently.atOnce(IntStream.range(0, 8)
                .<Callable<Order>>mapToObj(i -> () -> orders.payAtCounter(order.id().value(), i % 2 == 0 ? "CASH" : "CARD"))
                .toList());

        assertThat(results).allMatch(o -> o.status() == OrderStatus.PAID);
        assertThat(results.stream().map(Order::offlineMethod).distinct()).hasSize(1);
        assertThat(transitionsTo(order.id().value(), "PAID")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payment where order_id = :id").param("id", order.id().value())
                .query(Long.class).single()).isZero();

        orders.refund(order.id().value(), Money.cny(4800), "dish:red-braised-pork");
        orders.refund(order.id().value(), Money.cny(4800), "dish:red-braised-pork");
        var refunded = orders.find(order.id().value()).orElseThrow();
        assertThat(refunded.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(refunded.refunded()).isEqualTo(Money.cny(4800));
        assertThat(jdbc.sql("select offline from order_refund where order_id = :id").param("id", order.id().value())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theMemberDiscountComesOffBeforeTheCouponAndTheCustomerPaysTheRestOnline() {
        var phone = Fixtures.uniquePhone();
        var token = fixtures.customerToken(phone);
        var customer = principal(token, phone);
        var order = orders.place(new NewOrder(merchantId, storeId, customer.id(), Channel.PICKUP,
                List.of(dish("拿铁", 3200, 3)), Money.cny(960), null, 0));
        assertThat(order.discount()).isEqualTo(Money.cny(960));
        assertThat(order.total()).isEqualTo(Money.cny(8640));
        assertThat(order.channel()).isEqualTo(Channel.PICKUP);

        fixtures.pay(token, order.id().toString(), true);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> orders.find(order.id().value()).orElseThrow().status() == OrderStatus.PAID);
        assertThat(orders.find(order.id().value()).orElseThrow().offlineMethod()).isNull();
        assertThatThrownBy(() -> orders.payAtCounter(order.id().value(), "CASH"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status().value()).isEqualTo(409));
    }

    @Test
    void moneyPaidOnlineAfterTheCounterTookItGoesBack() {
        var phone = Fixtures.uniquePhone();
        var token = fixtures.customerToken(phone);
        var customer = principal(token, phone);
        var order = orders.place(new NewOrder(merchantId, storeId, customer.id(), Channel.DINE_IN,
                List.of(dish("鱼", 8800, 1)), Money.cny(0), null, 0));
        var payment = api.post("/api/v1/orders/" + order.id().value() + "/payments", java.util.Map.of("provider", "sandbox"), token);
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);

        assertThat(orders.payAtCounter(order.id().value(), "CASH").status()).isEqualTo(OrderStatus.PAID);
        var gateway = new o2o.testing.WebSession(port);
        var redirect = payment.text("redirectUrl");
        assertThat(gateway.get(redirect).status()).isEqualTo(200);
        assertThat(gateway.post(redirect + "/confirm", java.util.Map.of()).status()).isEqualTo(302);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        select count(*) from refund where order_id = :id and reference = :ref and status = 'SUCCEEDED'
                        """).param("id", order.id().value()).param("ref", "order:" + order.id().value() + ":paid-at-counter")
                .query(Long.class).single() == 1);
        var after = orders.find(order.id().value()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.PAID);
        assertThat(after.offlineMethod()).isEqualTo("CASH");
        assertThat(transitionsTo(order.id().value(), "PAID")).isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedAndPlaceNothing() {
        long before = jdbc.sql("select count(*) from customer_order where store_id = :s").param("s", store)
                .query(Long.class).single();
        assertThatThrownBy(() -> new NewOrder(merchantId, storeId, null, Channel.PICKUP, List.of(dish("茶", 500, 1)),
                Money.cny(0), null, 0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new NewOrder(merchantId, storeId, new CustomerId(UUID.randomUUID()), Channel.DINE_IN,
                List.of(), Money.cny(0), null, 0)).isInstanceOf(InvalidInput.class);
        var order = orders.place(new NewOrder(merchantId, storeId, null, Channel.DINE_IN, List.of(dish("茶", 500, 1)),
                Money.cny(0), null, 0));
        assertThatThrownBy(() -> orders.payAtCounter(order.id().value(), "CHEQUE")).isInstanceOf(InvalidInput.class);
        assertThat(orders.find(order.id().value()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(orders.cancelUnpaid(order.id().value(), "the table left")).isTrue();
        assertThat(orders.cancelUnpaid(order.id().value(), "the table left")).isFalse();
        assertThatThrownBy(() -> orders.payAtCounter(order.id().value(), "CASH"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status().value()).isEqualTo(409));
        assertThat(jdbc.sql("select count(*) from customer_order where store_id = :s").param("s", store)
                .query(Long.class).single()).isEqualTo(before + 1);
    }

    private CustomerPrincipal principal(String token, String phone) {
        return new CustomerPrincipal(UUID.fromString(api.get("/api/v1/me", token).text("id")), new PhoneNumber(phone));
    }

    private static NewOrder.Line dish(String name, long unitMinor, int quantity) {
        return new NewOrder.Line(LineKind.DISH, UUID.randomUUID(), name, Money.cny(unitMinor), quantity,
                Money.cny(unitMinor * quantity));
    }

    private long transitionsTo(UUID orderId, String status) {
        return jdbc.sql("select count(*) from order_transition where order_id = :id and to_status = :to")
                .param("id", orderId).param("to", status).query(Long.class).single();
    }
}
