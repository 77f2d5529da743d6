package o2o.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import o2o.delivery.persistence.DeliveryRows;
import o2o.identity.Role;
import o2o.shared.CustomerId;
import o2o.shared.GeoPoint;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.StoreId;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The delivery figures against sums worked out by hand: orders written with known paid, promised and delivered times
 * (two days in Shanghai, one paid at 00:10 which is still the day before in UTC), cancelled and returned ones, an
 * unpaid one, one paid the day before the period, and another merchant's, which never shows.
 */
class DeliveryFiguresIntegrationTests extends ApiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String FIGURES = "/api/v1/merchant/delivery/figures";

    @Autowired
    DeliveryRows rows;

    @Test
    void figuresByStoreAndDayAreTheOnesWorkedOutByHand() {
        var delivery = new DeliveryFixtures(api, fixtures);
        var a = delivery.shop("外卖数据甲");
        var s1 = a.store();
        var s2 = fixtures.store(a.merchant(), Fixtures.unique("外卖数据甲二店"), 31.21, 121.41, "本帮菜");
        var b = delivery.shop("外卖数据乙");
        var merchant = a.merchant().id();

        // store 1, 10 March: four delivered after 20, 30, 40 and 50 minutes against a 30-minute promise (the 30 on time)
        delivered(merchant, s1, at(10, 12, 0), 500, 600, 20);
        delivered(merchant, s1, at(10, 12, 5), 700, 600, 30);
        delivered(merchant, s1, at(10, 12, 10), 500, 600, 40);
        delivered(merchant, s1, at(10, 23, 30), 600, 600, 50);
        // cancelled before it left: no fee kept, no courier paid
        var cancelled = paid(merchant, s1, at(10, 13, 0), 500, 600);
        assertThat(rows.advance(cancelled, DeliveryStatus.CANCELLED, List.of(DeliveryStatus.CREATED), null,
                at(10, 13, 5))).isTrue();
        // returned because nobody answered: the fee is kept, the courier paid
        returned(merchant, s1, at(10, 14, 0), 800, 600, "CUSTOMER_UNREACHABLE");
        // placed and never paid: not a delivery at all
        insert(merchant, s1, at(10, 15, 0), 900, 600);
        // store 1, 11 March: 00:10 in Shanghai, delivered in 25; and one returned refused (fee refunded)
        delivered(merchant, s1, at(11, 0, 10), 500, 400, 25);
        returned(merchant, s1, at(11, 9, 0), 900, 400, "NOT_HANDED_OVER");
        // store 2, 10 March: delivered in 10
        delivered(merchant, s2, at(10, 18, 0), 300, 900, 10);
        // the day before the period, and another merchant's order in the period
        delivered(merchant, s1, at(9, 23, 50), 500, 600, 20);
        delivered(b.merchant().id(), b.store(), at(10, 12, 0), 500, 600, 20);

        var response = api.get(FIGURES + "?from=2026-03-10&to=2026-03-11", a.merchant().ownerToken());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        var f = response.body();

        var total = f.path("total");
        group(total, 9, 6, 4, 27.5, 45.0, 3900, 8, 4700, 1, 2);
        assertThat(total.path("onTimeRate").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(total.path("costPerOrder").path("minor").asLong()).isEqualTo(588);

        assertThat(f.path("byDay")).hasSize(2);
        group(f.path("byDay").get(0), 7, 5, 3, 30.0, 46.0, 3400, 6, 3900, 1, 1);
        assertThat(f.path("byDay").get(0).path("day").asString()).isEqualTo("2026-03-10");
        group(f.path("byDay").get(1), 2, 1, 1, 25.0, 25.0, 500, 2, 800, 0, 1);

        var byStore = f.path("byStore");
        assertThat(byStore).hasSize(2);
        var first = store(byStore, s1);
        group(first, 8, 5, 3, 30.0, 46.0, 3600, 7, 3800, 1, 2);
        assertThat(first.path("costPerOrder").path("minor").asLong()).isEqualTo(543);
        assertThat(first.path("storeName").asString()).isEqualTo(a.storeName());
        group(store(byStore, s2), 1, 1, 1, 10.0, 10.0, 300, 1, 900, 0, 0);

        var byStoreAndDay = f.path("byStoreAndDay");
        assertThat(byStoreAndDay).hasSize(3);
        var s1Day1 = find(byStoreAndDay, s1, "2026-03-10");
        group(s1Day1, 6, 4, 2, 35.0, 47.0, 3100, 5, 3000, 1, 1);
        assertThat(s1Day1.path("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(s1Day1.path("costPerOrder").path("minor").asLong()).isEqualTo(600);
        group(find(byStoreAndDay, s1, "2026-03-11"), 2, 1, 1, 25.0, 25.0, 500, 2, 800, 0, 1);
        group(find(byStoreAndDay, s2, "2026-03-10"), 1, 1, 1, 10.0, 10.0, 300, 1, 900, 0, 0);

        // one store
        var one = api.get(FIGURES + "?from=2026-03-10&to=2026-03-11&storeId=" + s2, a.merchant().ownerToken());
        assertThat(one.status()).as(one.raw()).isEqualTo(200);
        group(one.body().path("total"), 1, 1, 1, 10.0, 10.0, 300, 1, 900, 0, 0);
        assertThat(one.body().path("byStore")).hasSize(1);

        // a manager limited to store 2 sees store 2 only, without asking for it
        var limited = fixtures.staff(a.merchant(), Role.MANAGER, Set.of(s2));
        var mine = api.get(FIGURES + "?from=2026-03-10&to=2026-03-11", limited);
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        group(mine.body().path("total"), 1, 1, 1, 10.0, 10.0, 300, 1, 900, 0, 0);
        assertThat(api.get(FIGURES + "?storeId=" + s1, limited).status()).isEqualTo(404);

        // the other merchant sees its own order only, and none of A's stores
        var theirs = api.get(FIGURES + "?from=2026-03-10&to=2026-03-11", b.merchant().ownerToken());
        assertThat(theirs.status()).as(theirs.raw()).isEqualTo(200);
        group(theirs.body().path("total"), 1, 1, 1, 20.0, 20.0, 500, 1, 600, 0, 0);
        assertThat(theirs.raw()).doesNotContain(s1.toString(), s2.toString(), a.storeName());
        var forbidden = api.get(FIGURES + "?from=2026-03-10&to=2026-03-11&storeId=" + s1, b.merchant().ownerToken());
        assertThat(forbidden.status()).as(forbidden.raw()).isEqualTo(404);
        assertThat(forbidden.raw()).doesNotContain("\"paid\"");
    }

    @Test
    void theDefaultPeriodIsTheLast30DaysAndABadPeriodIsA400() {
        clock.freeze();
        var delivery = new DeliveryFixtures(api, fixtures);
        var a = delivery.shop("外卖数据默认");
        var today = java.time.LocalDate.now(clock.withZone(SHANGHAI));
        delivered(a.merchant().id(), a.store(), clock.instant().minus(Duration.ofHours(1)), 500, 600, 20);

        var response = api.get(FIGURES, a.merchant().ownerToken());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().path("to").asString()).isEqualTo(today.toString());
        assertThat(response.body().path("from").asString()).isEqualTo(today.minusDays(29).toString());
        assertThat(response.body().path("byDay")).hasSize(30);
        assertThat(response.body().path("total").path("delivered").asLong()).isEqualTo(1);
        assertThat(response.body().path("total").path("p50Minutes").asDouble()).isEqualTo(20.0);

        var backwards = api.get(FIGURES + "?from=2026-03-11&to=2026-03-10", a.merchant().ownerToken());
        assertThat(backwards.status()).as(backwards.raw()).isEqualTo(400);
        var tooLong = api.get(FIGURES + "?from=2024-01-01&to=2026-03-10", a.merchant().ownerToken());
        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(400);
        var cashier = fixtures.staff(a.merchant(), Role.CASHIER, Set.of());
        assertThat(api.get(FIGURES, cashier).status()).isEqualTo(403);
    }

    private static Instant at(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 3, day, hour, minute).atZone(SHANGHAI).toInstant();
    }

    private static void group(JsonNode g, long paid, long delivered, long onTime, @Nullable Double p50,
            @Nullable Double p90, long fees, long carried, long cost, long cancelled, long returned) {
        assertThat(g.path("paid").asLong()).as("paid in " + g).isEqualTo(paid);
        assertThat(g.path("delivered").asLong()).as("delivered in " + g).isEqualTo(delivered);
        assertThat(g.path("onTime").asLong()).as("on time in " + g).isEqualTo(onTime);
        assertThat(g.path("p50Minutes").asDouble()).as("p50 in " + g).isCloseTo(p50, within(1e-6));
        assertThat(g.path("p90Minutes").asDouble()).as("p90 in " + g).isCloseTo(p90, within(1e-6));
        assertThat(g.path("fees").path("minor").asLong()).as("fees in " + g).isEqualTo(fees);
        assertThat(g.path("carried").asLong()).as("carried in " + g).isEqualTo(carried);
        assertThat(g.path("courierCost").path("minor").asLong()).as("cost in " + g).isEqualTo(cost);
        assertThat(g.path("cancelled").asLong()).as("cancelled in " + g).isEqualTo(cancelled);
        assertThat(g.path("returned").asLong()).as("returned in " + g).isEqualTo(returned);
    }

    private static JsonNode store(JsonNode groups, UUID store) {
        for (var g : groups) if (g.path("storeId").asString().equals(store.toString())) return g;
        throw new AssertionError("no group of store " + store + " in " + groups);
    }

    private static JsonNode find(JsonNode groups, UUID store, String day) {
        for (var g : groups) {
            if (g.path("storeId").asString().equals(store.toString()) && g.path("day").asString().equals(day)) return g;
        }
        throw new AssertionError("no group of store " + store + " on " + day + " in " + groups);
    }

    private UUID insert(UUID merchant, UUID store, Instant paidAt, long fee, long cost) {
        var id = UUID.randomUUID();
        rows.insert(new Delivery(new OrderId(id), new MerchantId(merchant), new StoreId(store),
                new CustomerId(UUID.randomUUID()), UUID.randomUUID(), DeliveryStatus.CREATED,
                new Delivery.Destination("王小姐", "13800000000", "静安区某路 1 号", new GeoPoint(31.21, 121.4)), 2000,
                Money.cny(fee), Money.cny(cost), 30, null, "1234", "", DeliverySettings.OWN, null, null, null,
                paidAt.minus(Duration.ofMinutes(1)), null, null, null, null, null, null, null, null));
        return id;
    }

    /** Paid at {@code paidAt}, promised 30 minutes later. */
    private UUID paid(UUID merchant, UUID store, Instant paidAt, long fee, long cost) {
        var id = insert(merchant, store, paidAt, fee, cost);
        assertThat(rows.paid(id, paidAt.plus(Duration.ofMinutes(30)), paidAt)).isTrue();
        return id;
    }

    private UUID pickedUp(UUID merchant, UUID store, Instant paidAt, long fee, long cost) {
        var id = paid(merchant, store, paidAt, fee, cost);
        assertThat(rows.advance(id, DeliveryStatus.ACCEPTED, List.of(DeliveryStatus.CREATED), null,
                paidAt.plusSeconds(60))).isTrue();
        assertThat(rows.advance(id, DeliveryStatus.PICKED_UP, List.of(DeliveryStatus.ACCEPTED),
                new Delivery.Courier(UUID.randomUUID(), "小李"), paidAt.plusSeconds(300))).isTrue();
        return id;
    }

    private void delivered(UUID merchant, UUID store, Instant paidAt, long fee, long cost, int minutes) {
        var id = pickedUp(merchant, store, paidAt, fee, cost);
        assertThat(rows.advance(id, DeliveryStatus.DELIVERED, List.of(DeliveryStatus.PICKED_UP), null,
                paidAt.plus(Duration.ofMinutes(minutes)))).isTrue();
    }

    private void returned(UUID merchant, UUID store, Instant paidAt, long fee, long cost, String problem) {
        var id = pickedUp(merchant, store, paidAt, fee, cost);
        rows.problem(id, problem);
        assertThat(rows.advance(id, DeliveryStatus.RETURNED, List.of(DeliveryStatus.PICKED_UP), null,
                paidAt.plus(Duration.ofMinutes(45)))).isTrue();
    }
}
