package o2o.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.shared.Money;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a real gateway needs of the platform, proven with the sandbox gateway (which keeps books like one): a payment
 * whose notification never came is asked about, a charge left open is closed, a paid amount that differs is not taken
 * as paid, and refunds leave only after their transaction commits, once each.
 */
class GatewayDutiesIntegrationTests extends ApiTest {

    private static final Currency CNY = Currency.getInstance("CNY");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Payments payments;
    @Autowired
    PendingPayments pending;
    @Autowired
    RefundRelay refunds;
    @Autowired
    TransactionTemplate tx;

    record Started(String customer, String orderId, UUID paymentId) {}

    Started started(long priceMinor) {
        var merchant = fixtures.approvedMerchant("网关商户");
        var store = fixtures.store(merchant, "网关店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), priceMinor, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, 1).text("id");
        var payment = api.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "sandbox"), customer);
        assertThat(payment.status()).isEqualTo(201);
        return new Started(customer, orderId, UUID.fromString(payment.text("id")));
    }

    Started paid(long priceMinor) {
        var started = started(priceMinor);
        fixtures.pay(started.customer(), started.orderId(), true);
        awaitOrder(started, "PAID");
        return started;
    }

    void awaitOrder(Started started, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/me/orders/" + started.orderId(), started.customer()).text("status"),
                        status::equals);
    }

    String paymentStatus(UUID paymentId) {
        return jdbc.sql("select status from payment where id = :id").param("id", paymentId).query(String.class).single();
    }

    void age(UUID paymentId, Duration by) {
        jdbc.sql("""
                update payment set created_at = created_at - cast(:by as interval),
                                   next_query_at = next_query_at - cast(:by as interval)
                where id = :id
                """)
                .param("by", by.toSeconds() + " seconds").param("id", paymentId).update();
    }

    @Test
    void aPaymentWhoseNotificationNeverCameIsCompletedByAskingTheGateway() {
        var started = started(2300);
        // the payer paid at the gateway, and its notification was lost on the way
        jdbc.sql("update sandbox_charge set status = 'PAID' where payment_id = :id").param("id", started.paymentId()).update();
        pending.queryOverdue();
        assertThat(paymentStatus(started.paymentId())).as("not asked before query-after").isEqualTo("PENDING");

        age(started.paymentId(), Duration.ofMinutes(3));
        pending.queryOverdue();

        assertThat(paymentStatus(started.paymentId())).isEqualTo("SUCCEEDED");
        awaitOrder(started, "PAID");
        assertThat(fixtures.vouchersOf(started.customer(), 1)).hasSize(1);
    }

    @Test
    void aChargeLeftOpenPastTheCloseTimeIsClosedAtTheGatewayAndFails() {
        var started = started(1800);
        age(started.paymentId(), Duration.ofMinutes(10));
        pending.queryOverdue();
        assertThat(paymentStatus(started.paymentId())).as("still open, not yet closed").isEqualTo("PENDING");

        age(started.paymentId(), Duration.ofMinutes(30));
        pending.queryOverdue();

        assertThat(paymentStatus(started.paymentId())).isEqualTo("FAILED");
        assertThat(jdbc.sql("select status from sandbox_charge where payment_id = :id").param("id", started.paymentId())
                .query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void aNotificationOfAnotherAmountIsNotTakenAsPaidAndWhatCameIsPaidBackOnce() {
        var started = started(5000);
        var event = new ProviderEvent("sandbox", "evt_" + UUID.randomUUID(), ProviderEvent.Type.PAYMENT_SUCCEEDED,
                started.paymentId(), "sbx_x", new Money(1, CNY));

        assertThat(payments.apply(event)).isTrue();
        assertThat(payments.apply(event)).as("the same notification again").isFalse();

        assertThat(paymentStatus(started.paymentId())).isEqualTo("MISMATCH");
        assertThat(api.get("/api/v1/me/orders/" + started.orderId(), started.customer()).text("status"))
                .isEqualTo("PENDING_PAYMENT");
        var refund = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select status, amount_minor, out_refund_no from refund where payment_id = :id")
                        .param("id", started.paymentId()).query().listOfRows(), rows -> rows.size() == 1
                        && rows.getFirst().get("status").equals("SUCCEEDED"));
        assertThat(refund.getFirst().get("amount_minor")).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from sandbox_refund where out_refund_no = :no")
                .param("no", refund.getFirst().get("out_refund_no")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefundReachesTheGatewayOnlyAfterItsTransactionCommits() throws Exception {
        var started = paid(4000);
        var reference = "test:" + UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            payments.refund(UUID.fromString(started.orderId()), new Money(1000, CNY), reference);
            refunds.relay(); // another node's relay, while this transaction is open: sees nothing to send
            status.setRollbackOnly();
        });
        refunds.relay();
        assertThat(jdbc.sql("select count(*) from refund where reference = :ref").param("ref", reference)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from sandbox_refund r join sandbox_charge c on c.ref = r.charge_ref "
                + "where c.payment_id = :id").param("id", started.paymentId()).query(Long.class).single()).isZero();

        payments.refund(UUID.fromString(started.orderId()), new Money(1000, CNY), reference);
        payments.refund(UUID.fromString(started.orderId()), new Money(1000, CNY), reference);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select status from refund where reference = :ref").param("ref", reference)
                        .query(String.class).single(), "SUCCEEDED"::equals);
        assertThat(jdbc.sql("select count(*) from sandbox_refund r join sandbox_charge c on c.ref = r.charge_ref "
                + "where c.payment_id = :id").param("id", started.paymentId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void relaysRunningAtOnceOnSeveralNodesSendEachRefundOnce() throws Exception {
        var started = paid(3000);
        var orderId = UUID.fromString(started.orderId());
        tx.executeWithoutResult(status -> IntStream.range(0, 30).forEach(i ->
                payments.refund(orderId, new Money(100, CNY), "test:" + orderId + ":" + i)));

        List<Callable<Boolean>> relays = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(i -> () -> {
            refunds.relay();
            return true;
        }).toList();
        Concurrently.atOnce(relays);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select count(*) from refund where order_id = :order and status = 'SUCCEEDED'")
                        .param("order", orderId).query(Long.class).single(), n -> n == 30);
        var attempts = jdbc.sql("select attempts from refund where order_id = :order").param("order", orderId)
                .query(Integer.class).list();
        assertThat(attempts).as("each refund sent by one relay, once").hasSize(30).containsOnly(1);
    }
}
