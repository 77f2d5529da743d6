package o2o.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import o2o.testing.Api;
import o2o.testing.AppProcess;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two nodes of the packaged application on one database server (the test's own, so killing a node never takes the
 * database with it): what one node does, the other sees and never does twice — a flash sale raced through both sells
 * its stock exactly, a gateway's notification delivered to both at once is applied once, and when one node is killed
 * in the middle of paid orders the survivor finishes every order's chain once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManyNodesIT {

    @TempDir
    static Path dir;

    static EmbeddedPostgres postgres;
    static JdbcClient db;
    static AppProcess a;
    static AppProcess b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database o2o");
        }
        var url = postgres.getJdbcUrl("postgres", "o2o");
        db = JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "", true));
        // the first node migrates the schema and seeds the demo; the second starts on what it left
        a = AppProcess.startNode(url, dir.resolve("a.log"), List.of("-Xmx512m"), NODE_ARGUMENTS);
        System.out.println("node a healthy after " + a.awaitHealthy(Duration.ofMinutes(6)).toMillis() + " ms");
        var second = new ArrayList<>(NODE_ARGUMENTS);
        second.add("--o2o.demo.enabled=false");
        b = AppProcess.startNode(url, dir.resolve("b.log"), List.of("-Xmx512m"), second);
        System.out.println("node b healthy after " + b.awaitHealthy(Duration.ofMinutes(6)).toMillis() + " ms");
    }

    /** Incomplete publications are resubmitted once they are 10 s old, checked every 2 s. */
    static final List<String> NODE_ARGUMENTS = List.of("--o2o.events.resubmit-interval=2s",
            "--o2o.events.min-age=10s");

    @AfterAll
    static void stop() throws Exception {
        if (a != null) a.close();
        if (b != null) b.close();
        if (postgres != null) postgres.close();
    }

    @Test
    @Order(1)
    void aFlashSaleRacedThroughBothNodesSellsExactlyItsStock() throws Exception {
        var onA = new Fixtures(a.api());
        var merchant = onA.approvedMerchant("双节点秒杀");
        var store = onA.store(merchant, "双节点店", 31.2, 121.4, "火锅");
        var deal = onA.deal(merchant, Set.of(store), 990, 5, true, "ANYTIME");
        var buyers = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 20; i++) {
            var node = i % 2 == 0 ? a : b;
            var fixtures = new Fixtures(node.api());
            var token = fixtures.customerToken(Fixtures.uniquePhone());
            buyers.add(() -> fixtures.order(token, deal, 1));
        }

        var answers = Concurrently.atOnce(buyers);

        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(5);
        assertThat(answers).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(409));
        assertThat(db.sql("select count(*) from customer_order where deal_id = :d").param("d", deal)
                .query(Long.class).single()).isEqualTo(5);
        assertThat(a.api().get("/api/v1/deals/" + deal).body().path("stockLeft").asInt()).isZero();
        assertThat(b.api().get("/api/v1/deals/" + deal).body().path("stockLeft").asInt()).isZero();
    }

    @Test
    @Order(2)
    void theSameNotificationDeliveredToBothNodesAtOnceIsAppliedOnce() throws Exception {
        var onA = new Fixtures(a.api());
        var merchant = onA.approvedMerchant("双节点回调");
        var store = onA.store(merchant, "回调店", 31.2, 121.4, "火锅");
        var deal = onA.deal(merchant, Set.of(store), 1500, null, false, "ANYTIME");
        var customer = onA.customerToken(Fixtures.uniquePhone());
        var orderId = onA.order(customer, deal, 2).text("id");
        var payment = a.api().post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "sandbox"),
                customer);
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        var body = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment.succeeded\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"paymentId\":\"" + payment.text("id")
                + "\",\"chargeRef\":\"sbx_nodes\",\"amount\":3000}}";
        var signature = sign(Instant.now().getEpochSecond(), body);
        var http = HttpClient.newHttpClient();
        var deliveries = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < 6; i++) {
            var node = i % 2 == 0 ? a : b;
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                            + "/api/v1/payments/webhooks/sandbox"))
                    .header("Content-Type", "application/json").header("Sandbox-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            deliveries.add(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        }

        var answers = Concurrently.atOnce(deliveries);

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(answers).filteredOn(r -> r.body().contains("\"applied\":true")).hasSize(1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                b.api().get("/api/v1/me/vouchers", customer).body().size() == 2);
        assertThat(db.sql("select count(*) from order_transition where order_id = :o and to_status = 'PAID'")
                .param("o", UUID.fromString(orderId)).query(Long.class).single()).isEqualTo(1);
        Thread.sleep(1000);
        assertThat(db.sql("select count(*) from voucher where order_id = :o").param("o", UUID.fromString(orderId))
                .query(Long.class).single()).isEqualTo(2);
    }

    record Paid(String token, String orderId) {}

    @Test
    @Order(9)
    void whenANodeIsKilledInTheMiddleOfPaidOrdersTheSurvivorFinishesEachOrderOnce() throws Exception {
        var onA = new Fixtures(a.api());
        var merchant = onA.approvedMerchant("双节点宕机");
        var store = onA.store(merchant, "宕机店", 31.2, 121.4, "火锅");
        var deal = onA.deal(merchant, Set.of(store), 2000, null, false, "ANYTIME");
        List<Paid> started = new CopyOnWriteArrayList<>();
        var stop = new AtomicBoolean();
        var checkouts = new ArrayList<Thread>();
        for (int t = 0; t < 3; t++) {
            checkouts.add(Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        var token = onA.customerToken(Fixtures.uniquePhone());
                        a.api().post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), token);
                        var orderId = onA.order(token, deal, 1).text("id");
                        started.add(new Paid(token, orderId));
                        onA.pay(token, orderId, true);
                    }
                } catch (Throwable expectedOnceKilled) {
                    if (!stop.get()) expectedOnceKilled.printStackTrace();
                }
            }));
        }
        // killed while paid orders' listeners are still at work on it: the vouchers' table is held so that issuing
        // waits (a listener is a few milliseconds, so catching one in flight by timing alone was luck), the orders go
        // on being paid, and the node dies with their publications open
        long leftUnfinished;
        try (var holder = postgres.getDatabase("postgres", "o2o").getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table voucher in share mode");
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> paidOrders(deal) >= 6 && unfinished() >= 3);
            a.kill();
            stop.set(true);
            leftUnfinished = unfinished();
            holder.rollback();
        }
        for (var thread : checkouts) thread.join(60_000);
        long paid = paidOrders(deal);
        System.out.println(paid + " orders paid before node a was killed, " + started.size() + " placed, "
                + leftUnfinished + " event publications left unfinished");
        assertThat(leftUnfinished).as("the kill left listeners' work unfinished").isPositive();
        assertThat(paid).isGreaterThanOrEqualTo(6);

        // the survivor resubmits what the killed node left unfinished: every paid order, its voucher and its points,
        // once (and pays the orders whose gateway notification the killed node had not yet sent to itself)
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(unfinished()).as("publications left unfinished").isZero();
            assertThat(db.sql("""
                    select count(*) from customer_order o
                    where o.deal_id = :d and o.status = 'PAID'
                      and (select count(*) from voucher v where v.order_id = o.id) <> 1
                    """).param("d", deal).query(Long.class).single()).as("paid orders without exactly one voucher")
                    .isZero();
            assertThat(db.sql("select count(*) from points_lot where merchant_id = :m").param("m", merchant.id())
                    .query(Long.class).single()).as("points lots").isEqualTo(paidOrders(deal));
            var earned = new java.util.HashSet<Long>();
            for (var order : started) {
                var status = db.sql("select status from customer_order where id = :o")
                        .param("o", UUID.fromString(order.orderId())).query(String.class).single();
                var points = b.api().get("/api/v1/me/points?merchantId=" + merchant.id(), order.token()).body()
                        .path("points").asLong();
                if (status.equals("PAID")) {
                    earned.add(points);
                } else {
                    assertThat(points).as("points of unpaid order %s", order.orderId()).isZero();
                }
            }
            assertThat(earned).as("points of each paid order's member: one positive figure").hasSize(1);
            assertThat(earned.iterator().next()).isPositive();
        });
        var reconciliation = b.api().get("/api/v1/admin/ledger/reconcile", new Fixtures(b.api()).operatorToken());
        assertThat(reconciliation.status()).as(reconciliation.raw()).isEqualTo(200);
        assertThat(reconciliation.body().path("differences")).as(reconciliation.raw()).isEmpty();
        assertThat(reconciliation.body().path("unbalancedEntries")).as(reconciliation.raw()).isEmpty();
    }

    private static long unfinished() {
        return db.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
                .single();
    }

    private static long paidOrders(UUID deal) {
        return db.sql("select count(*) from customer_order where deal_id = :d and status = 'PAID'").param("d", deal)
                .query(Long.class).single();
    }

    static String sign(long timestamp, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(AppProcess.NODE_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + timestamp + ",v1="
                + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
