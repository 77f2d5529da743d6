package o2o.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import o2o.testing.Api;
import o2o.testing.AppProcess;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application killed with SIGKILL in the middle of checkouts starts again on the same data folder on
 * the first try, and every payment it had confirmed is still paid, with its vouchers. The first kill takes the
 * database's watchdog with it (as killing the whole process group does), so the server is left running and the
 * next start has to stop it; the second kill is of the JVM alone, and the watchdog stops the server.
 */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    record Paid(String token, String orderId) {}

    @Test
    void aKilledNodeStartsAgainOnTheFirstTryAndKeepsEveryConfirmedPayment() throws Exception {
        var data = dir.resolve("postgres");
        List<Paid> confirmed = new CopyOnWriteArrayList<>();
        AppProcess first = null;
        AppProcess second = null;
        try {
            first = AppProcess.start(data, dir.resolve("first.log"), List.of("-Xmx512m"));
            System.out.println("first start healthy after " + first.awaitHealthy(Duration.ofMinutes(4)).toMillis()
                    + " ms");
            var stop = new AtomicBoolean();
            var api = first.api();
            var checkouts = Thread.ofPlatform().start(() -> checkOutUntilStopped(api, confirmed, stop));
            Awaitility.await().atMost(Duration.ofMinutes(2))
                    .until(() -> confirmed.size() >= 3 || !checkouts.isAlive());
            assertThat(confirmed).as("checkouts went through before the kill:%n%s", first.tail(40))
                    .hasSizeGreaterThanOrEqualTo(3);
            Thread.sleep(200);
            first.killWithItsHelpers();
            stop.set(true);
            checkouts.join(60_000);
            var leftover = AppProcess.postgresOn(data);
            assertThat(leftover).as("the database server outlived the killed application").isPresent();
            System.out.println(confirmed.size() + " checkouts confirmed before the kill; postgres pid "
                    + leftover.get().pid() + " left running");

            // the killed node's event publications are delivered by the redelivery job once they are min-age old: here
            // within seconds, so the vouchers below come within the wait
            second = AppProcess.start(data, dir.resolve("second.log"),
                    List.of("-Xmx512m", "-Do2o.events.min-age=10s", "-Do2o.events.resubmit-interval=5s"));
            System.out.println("second start healthy after " + second.awaitHealthy(Duration.ofMinutes(3)).toMillis()
                    + " ms");
            assertThat(second.output()).contains("left by an earlier run that did not shut down")
                    .contains("the left-over server (pid " + leftover.get().pid() + ") stopped");
            assertThat(leftover.get().isAlive()).isFalse();
            second.output().lines().filter(line -> line.contains("Embedded PostgreSQL")).forEach(System.out::println);

            var again = second.api();
            Api.Response answered;
            try {
                answered = again.get("/api/v1/me/orders/" + confirmed.getFirst().orderId(), confirmed.getFirst().token());
            } catch (IllegalStateException notAnswering) {
                // once in many runs the restarted node did not answer its first request within minutes: say why
                throw new AssertionError("the restarted node did not answer:%n%s%n%s".formatted(second.tail(80),
                        second.threadDump()), notAnswering);
            }
            assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
            for (var paid : confirmed) {
                var order = again.get("/api/v1/me/orders/" + paid.orderId(), paid.token());
                assertThat(order.status()).as(order.raw()).isEqualTo(200);
                assertThat(order.text("status")).as("order %s", paid.orderId()).isEqualTo("PAID");
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> assertThat(again.get("/api/v1/me/vouchers", paid.token()).body()
                                .valueStream().filter(v -> v.path("orderId").asString().equals(paid.orderId())))
                                .as("vouchers of order %s", paid.orderId()).isNotEmpty());
            }

            var server = AppProcess.postgresOn(data).orElseThrow();
            second.kill();
            long killed = System.nanoTime();
            server.onExit().get(20, TimeUnit.SECONDS);
            System.out.println("the watchdog stopped postgres " + TimeUnit.NANOSECONDS.toMillis(
                    System.nanoTime() - killed) + " ms after the JVM was killed");
        } finally {
            close(first);
            close(second);
            AppProcess.stopPostgres(data);
        }
    }

    private static void close(@Nullable AppProcess app) throws InterruptedException {
        if (app != null) app.close();
    }

    /** Customers sign in by SMS code, order the demo set meal with an Idempotency-Key and pay in the sandbox. */
    private static void checkOutUntilStopped(Api api, List<Paid> confirmed, AtomicBoolean stop) {
        var fixtures = new Fixtures(api);
        try {
            var owner = fixtures.staffToken("owner1", "demo1234");
            var deal = api.get("/api/v1/merchant/deals", owner).body().valueStream()
                    .filter(d -> d.path("title").asString().equals("本帮双人套餐")).findFirst().orElseThrow()
                    .path("id").asString();
            while (!stop.get()) {
                var token = fixtures.customerToken(Fixtures.uniquePhone());
                var orderId = fixtures.order(token, UUID.fromString(deal), 1).text("id");
                fixtures.pay(token, orderId, true);
                Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(
                        () -> "PAID".equals(api.get("/api/v1/me/orders/" + orderId, token).text("status")));
                confirmed.add(new Paid(token, orderId));
            }
        } catch (Throwable expectedOnceKilled) {
            if (!stop.get() && confirmed.size() < 3) expectedOnceKilled.printStackTrace();
        }
    }
}
