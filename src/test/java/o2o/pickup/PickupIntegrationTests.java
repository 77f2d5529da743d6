package o2o.pickup;

import static o2o.pickup.PickupFixtures.line;
import static o2o.pickup.PickupFixtures.order;
import static o2o.pickup.PickupFixtures.staffPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ordering ahead for pick-up: pricing, times, numbers, the counter's moves, refunds and cancellations. */
class PickupIntegrationTests extends ApiTest {

    PickupFixtures pickup;

    @BeforeEach
    void setUp() {
        pickup = new PickupFixtures(api, fixtures);
    }

    List<JsonNode> mine(String customer) {
        var list = api.get("/api/v1/me/pickup-orders", customer);
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.body().valueStream().toList();
    }

    @Test
    void everyLineIsPricedFromTheStoresPriceAndTheChosenOptionsNeverTheClients() {
        var shop = pickup.shop("自提定价", PickupFixtures.allDay());
        var override = api.put("/api/v1/merchant/stores/" + shop.store() + "/menu/items/" + shop.pork(),
                Map.of("priceOverride", Map.of("minor", 5200, "currency", "CNY"), "available", true),
                shop.merchant().ownerToken());
        assertThat(override.status()).as(override.raw()).isEqualTo(200);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        var lines = List.of(
                new HashMap<String, Object>(Map.of("itemId", shop.pork(), "quantity", 2,
                        "optionIds", List.of(shop.large(), shop.extraHot()), "unitPrice", 1)),
                new HashMap<String, Object>(Map.of("itemId", shop.drink(), "quantity", 1, "optionIds", List.of())));
        // a client's own unit price and total, which the server must ignore: not members of the document
        var placed = api.sendingForeignMembers().send("POST", "/api/v1/stores/" + shop.store() + "/pickup-orders",
                Map.of("lines", lines, "note", "  少放糖  ", "total", Map.of("minor", 1, "currency", "CNY")), customer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        var body = placed.body();
        assertThat(body.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(body.path("orderStatus").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(body.path("asap").asBoolean()).isTrue();
        assertThat(body.path("note").asString()).isEqualTo("少放糖");
        assertThat(body.path("number").isNull()).isTrue();
        var first = body.path("lines").get(0);
        assertThat(first.path("title").asString()).isEqualTo("红烧肉（大、特辣）");
        assertThat(first.path("unitPrice").path("minor").asLong()).isEqualTo(5200 + 1000 + 100);
        assertThat(first.path("amount").path("minor").asLong()).isEqualTo(2 * 6300);
        assertThat(body.path("lines").get(1).path("amount").path("minor").asLong()).isEqualTo(800);
        assertThat(body.path("totalAmount").path("minor").asLong()).isEqualTo(12600 + 800);
        var earliest = Instant.parse(body.path("placedAt").asString()).plus(Duration.ofMinutes(15));
        assertThat(Instant.parse(body.path("pickupAt").asString())).isEqualTo(earliest);
    }

    @Test
    void paidOrdersGetTheStoresNextNumberAndTheCustomerIsTextedIt() {
        var shop = pickup.shop("自提取号", PickupFixtures.allDay());
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var first = pickup.placed(customer, shop);
        var second = pickup.placed(customer, shop);

        pickup.payBySandbox(customer, second);
        var paid = pickup.awaitStatus(customer, second, "PAID");
        pickup.payBySandbox(customer, first);
        var paidLater = pickup.awaitStatus(customer, first, "PAID");

        assertThat(paid.path("number").asString()).isEqualTo("001");
        assertThat(paidLater.path("number").asString()).isEqualTo("002");
        assertThat(paid.path("orderStatus").asString()).isEqualTo("PAID");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                fixtures.texts(phone).stream().anyMatch(t -> t.contains("取餐号 002")));
        assertThat(fixtures.texts(phone)).anyMatch(t -> t.contains("取餐号 001") && t.contains(shop.storeName()));
    }

    @Test
    void aSoldOutDishIsRefusedAndNothingIsPlaced() {
        var shop = pickup.shop("自提售罄", PickupFixtures.allDay());
        var soldOut = api.put("/api/v1/merchant/stores/" + shop.store() + "/menu/items/" + shop.drink() + "/sold-out",
                Map.of("soldOut", true), shop.merchant().ownerToken());
        assertThat(soldOut.status()).as(soldOut.raw()).isEqualTo(200);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        var refused = pickup.place(customer, shop.store(), order(List.of(line(shop.pork(), 1, shop.large()),
                line(shop.drink(), 1)), "", ""), UUID.randomUUID().toString());

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("urn:o2o:problem:menu-item-sold-out");
        assertThat(mine(customer)).isEmpty();
        assertThat(api.get("/api/v1/me/orders", customer).body().size()).isZero();
    }

    @Test
    void aClosedStoreAndTimesOutsideTheHoursOrTooSoonAreRefused() {
        var closed = pickup.shop("自提打烊", Map.of());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var asap = pickup.place(customer, closed.store(), pickup.simpleOrder(closed), UUID.randomUUID().toString());
        assertThat(asap.status()).as(asap.raw()).isEqualTo(409);
        assertThat(asap.text("type")).isEqualTo("urn:o2o:problem:pickup-store-closed");
        assertThat(asap.text("detail")).contains(closed.storeName());

        var zone = PickupFixtures.noonZone();
        var lunch = pickup.shop("自提午市", PickupFixtures.everyDay("10:00-15:00"), zone.getId());
        var settings = api.put("/api/v1/merchant/stores/" + lunch.store() + "/pickup-settings",
                Map.of("preparationMinutes", 30), lunch.merchant().ownerToken());
        assertThat(settings.status()).as(settings.raw()).isEqualTo(200);
        var now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);

        for (var bad : List.of(now.plusMinutes(10), LocalTime.of(16, 0), LocalTime.of(9, 30))) {
            var refused = pickup.place(customer, lunch.store(),
                    order(List.of(line(lunch.pork(), 1, lunch.small())), bad.toString(), ""), UUID.randomUUID().toString());
            assertThat(refused.status()).as(bad + ": " + refused.raw()).isEqualTo(409);
            assertThat(refused.text("type")).isEqualTo("urn:o2o:problem:pickup-time-unavailable");
        }
        var unreadable = pickup.place(customer, lunch.store(),
                order(List.of(line(lunch.pork(), 1, lunch.small())), "25:99", ""), UUID.randomUUID().toString());
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body().path("field").asString()).isEqualTo("pickupTime");
        assertThat(mine(customer)).isEmpty();

        var later = now.plusMinutes(45);
        var accepted = pickup.place(customer, lunch.store(),
                order(List.of(line(lunch.pork(), 1, lunch.small())), later.toString(), ""), UUID.randomUUID().toString());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
        assertThat(accepted.body().path("asap").asBoolean()).isFalse();
        assertThat(Instant.parse(accepted.text("pickupAt")).atOffset(zone).toLocalTime()).isEqualTo(later);
        assertThat(accepted.body().path("totalAmount").path("minor").asLong()).isEqualTo(4800 - 800);
    }

    @Test
    void theSameIdempotencyKeyTwicePlacesOneOrder() {
        var shop = pickup.shop("自提幂等", PickupFixtures.allDay());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var key = UUID.randomUUID().toString();

        var first = pickup.place(customer, shop.store(), pickup.simpleOrder(shop), key);
        var again = pickup.place(customer, shop.store(), pickup.simpleOrder(shop), key);

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(mine(customer)).hasSize(1);

        var withoutKey = api.post("/api/v1/stores/" + shop.store() + "/pickup-orders", pickup.simpleOrder(shop), customer);
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(withoutKey.contentType()).startsWith("application/problem+json");
        assertThat(mine(customer)).hasSize(1);
    }

    @Test
    void badInputIsAClearProblemAndPlacesNothing() {
        var shop = pickup.shop("自提校验", PickupFixtures.allDay());
        var other = pickup.shop("别家", PickupFixtures.allDay());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var cases = new java.util.LinkedHashMap<Object, Integer>();
        cases.put(order(List.of(), "", ""), 400);
        cases.put(order(List.of(line(shop.pork(), 0, shop.large())), "", ""), 400);
        cases.put(order(List.of(line(shop.pork(), 1)), "", ""), 400);
        cases.put(order(List.of(line(shop.pork(), 1, shop.large(), shop.small())), "", ""), 400);
        cases.put(order(List.of(line(shop.pork(), 1, other.large())), "", ""), 400);
        cases.put(order(List.of(line(other.drink(), 1)), "", ""), 404);
        cases.put(order(List.of(line(UUID.randomUUID(), 1)), "", ""), 404);
        cases.put(order(List.of(line(shop.drink(), 1)), "", "很长".repeat(71)), 400);
        cases.put(Map.of("lines", "not a list"), 400);
        cases.put("{not json", 400);
        for (var entry : cases.entrySet()) {
            var refused = pickup.place(customer, shop.store(), entry.getKey(), UUID.randomUUID().toString());
            assertThat(refused.status()).as(entry.getKey() + ": " + refused.raw()).isEqualTo(entry.getValue());
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        var unknownStore = pickup.place(customer, UUID.randomUUID(), pickup.simpleOrder(shop), UUID.randomUUID().toString());
        assertThat(unknownStore.status()).isEqualTo(404);
        var staff = pickup.place(shop.merchant().ownerToken(), shop.store(), pickup.simpleOrder(shop),
                UUID.randomUUID().toString());
        assertThat(staff.status()).isEqualTo(403);
        var anonymous = api.send("POST", "/api/v1/stores/" + shop.store() + "/pickup-orders", pickup.simpleOrder(shop),
                null, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(anonymous.status()).isEqualTo(401);
        var badProvider = api.post("/api/v1/me/pickup-orders/" + UUID.randomUUID() + "/payments",
                Map.of("provider", "cash"), customer);
        assertThat(badProvider.status()).isEqualTo(400);
        var badStatus = api.get(staffPath(shop.store()) + "?status=EATEN", shop.merchant().ownerToken());
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().path("field").asString()).isEqualTo("status");
        var badSettings = api.put("/api/v1/merchant/stores/" + shop.store() + "/pickup-settings",
                Map.of("preparationMinutes", 999), shop.merchant().ownerToken());
        assertThat(badSettings.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/stores/" + shop.store() + "/pickup-settings", shop.merchant().ownerToken())
                .body().path("preparationMinutes").asInt()).isEqualTo(15);
        assertThat(mine(customer)).isEmpty();
        assertThat(api.get(staffPath(shop.store()) + "?status=AWAITING_PAYMENT", shop.merchant().ownerToken()).body()
                .size()).isZero();
    }

    @Test
    void aCustomerPaysWithStoredValueAtOnce() {
        var shop = pickup.shop("自提储值", PickupFixtures.allDay());
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var cashier = fixtures.staff(shop.merchant(), Role.CASHIER, Set.of(shop.store()));
        pickup.topUp(shop.merchant(), cashier, phone, 10000);
        var orderId = pickup.placed(customer, shop);

        var paid = api.post("/api/v1/me/pickup-orders/" + orderId + "/payments", Map.of("provider", "wallet"), customer);

        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        assertThat(paid.text("status")).isEqualTo("SUCCEEDED");
        assertThat(pickup.awaitStatus(customer, orderId, "PAID").path("number").asString()).isEqualTo("001");
        var balance = api.get("/api/v1/me/wallet?merchantId=" + shop.merchant().id(), customer).body();
        assertThat(balance.path("principal").path("minor").asLong()).isEqualTo(10000 - 5800);
    }

    @Test
    void theCounterMarksReadyTellsTheCustomerAndHandsOverCompletingTheOrder() {
        var shop = pickup.shop("自提出餐", PickupFixtures.allDay());
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var kitchen = fixtures.staff(shop.merchant(), Role.KITCHEN, Set.of(shop.store()));
        var later = pickup.place(customer, shop.store(), order(List.of(line(shop.drink(), 2)), "", "去冰"),
                UUID.randomUUID().toString()).text("id");
        pickup.payBySandbox(customer, later);
        pickup.awaitStatus(customer, later, "PAID");

        var queue = api.get(staffPath(shop.store()), kitchen);
        assertThat(queue.status()).as(queue.raw()).isEqualTo(200);
        assertThat(queue.body()).hasSize(1);
        assertThat(queue.body().get(0).path("note").asString()).isEqualTo("去冰");
        assertThat(queue.body().get(0).path("lines").get(0).path("title").asString()).isEqualTo("酸梅汤");

        var ready = api.post(staffPath(shop.store()) + "/" + later + "/ready", null, kitchen);
        assertThat(ready.status()).as(ready.raw()).isEqualTo(200);
        assertThat(ready.text("status")).isEqualTo("READY");
        assertThat(pickup.pickup(customer, later).path("status").asString()).isEqualTo("READY");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                fixtures.texts(phone).stream().anyMatch(t -> t.contains("001 号餐已备好")));
        var again = api.post(staffPath(shop.store()) + "/" + later + "/ready", null, kitchen);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:o2o:problem:pickup-status-conflict");

        var handed = api.post(staffPath(shop.store()) + "/" + later + "/handed-over", null, kitchen);
        assertThat(handed.status()).as(handed.raw()).isEqualTo(200);
        assertThat(handed.text("status")).isEqualTo("HANDED_OVER");
        assertThat(handed.text("orderStatus")).isEqualTo("COMPLETED");
        assertThat(api.get(staffPath(shop.store()), kitchen).body()).isEmpty();
        assertThat(api.get(staffPath(shop.store()) + "?status=HANDED_OVER", kitchen).body()).hasSize(1);
        assertThat(api.post(staffPath(shop.store()) + "/" + later + "/handed-over", null, kitchen).status()).isEqualTo(409);
        assertThat(api.post(staffPath(shop.store()) + "/" + later + "/refund", null, shop.merchant().ownerToken())
                .status()).isEqualTo(409);
    }

    @Test
    void theQueueRunsByPickupTime() {
        var zone = PickupFixtures.noonZone();
        var shop = pickup.shop("自提排队", PickupFixtures.allDay(), zone.getId());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        var late = pickup.place(customer, shop.store(), order(List.of(line(shop.drink(), 1)),
                now.plusHours(2).toString(), ""), UUID.randomUUID().toString()).text("id");
        var soon = pickup.place(customer, shop.store(), order(List.of(line(shop.drink(), 1)), "", ""),
                UUID.randomUUID().toString()).text("id");
        pickup.payBySandbox(customer, late);
        pickup.awaitStatus(customer, late, "PAID");
        pickup.payBySandbox(customer, soon);
        pickup.awaitStatus(customer, soon, "PAID");

        var queue = api.get(staffPath(shop.store()), shop.merchant().ownerToken()).body();
        assertThat(queue.valueStream().map(p -> p.path("id").asString()).toList()).containsExactly(soon, late);
        assertThat(queue.valueStream().map(p -> p.path("number").asString()).toList()).containsExactly("002", "001");
    }

    @Test
    void staffRefundAPaidOrderBeforeHandOverInFullAndItsNumberIsRetired() {
        var shop = pickup.shop("自提退款", PickupFixtures.allDay());
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var waiter = fixtures.staff(shop.merchant(), Role.WAITER, Set.of(shop.store()));
        var cashier = fixtures.staff(shop.merchant(), Role.CASHIER, Set.of(shop.store()));
        var orderId = pickup.placed(customer, shop);
        pickup.payBySandbox(customer, orderId);
        pickup.awaitStatus(customer, orderId, "PAID");
        assertThat(api.post(staffPath(shop.store()) + "/" + orderId + "/ready", null, waiter).status()).isEqualTo(200);

        var byWaiter = api.post(staffPath(shop.store()) + "/" + orderId + "/refund", null, waiter);
        assertThat(byWaiter.status()).isEqualTo(403);
        var refunded = api.post(staffPath(shop.store()) + "/" + orderId + "/refund", null, cashier);

        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
        assertThat(refunded.text("status")).isEqualTo("REFUNDED");
        assertThat(refunded.text("orderStatus")).isEqualTo("REFUNDED");
        assertThat(refunded.body().path("refundedAmount").path("minor").asLong()).isEqualTo(5800);
        assertThat(refunded.text("number")).isEqualTo("001");
        assertThat(api.get(staffPath(shop.store()), cashier).body()).isEmpty();
        var twice = api.post(staffPath(shop.store()) + "/" + orderId + "/refund", null, cashier);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(api.post(staffPath(shop.store()) + "/" + orderId + "/handed-over", null, cashier).status())
                .isEqualTo(409);
        assertThat(pickup.pickup(customer, orderId).path("refundedAmount").path("minor").asLong()).isEqualTo(5800);

        var next = pickup.placed(customer, shop);
        pickup.payBySandbox(customer, next);
        assertThat(pickup.awaitStatus(customer, next, "PAID").path("number").asString()).isEqualTo("002");
    }

    @Test
    void numbersStartAgainAtOneOnTheStoresNextLocalDay() {
        var shop = pickup.shop("自提跨天", PickupFixtures.allDay());
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var cashier = fixtures.staff(shop.merchant(), Role.CASHIER, Set.of(shop.store()));
        pickup.topUp(shop.merchant(), cashier, phone, 100000);
        var today = new String[2];
        for (int i = 0; i < 2; i++) {
            var orderId = pickup.placed(customer, shop);
            assertThat(api.post("/api/v1/me/pickup-orders/" + orderId + "/payments", Map.of("provider", "wallet"),
                    customer).status()).isEqualTo(201);
            today[i] = pickup.awaitStatus(customer, orderId, "PAID").path("number").asString();
        }
        assertThat(today).containsExactly("001", "002");

        clock.advance(Duration.ofDays(1));
        var tomorrow = pickup.placed(customer, shop);
        assertThat(api.post("/api/v1/me/pickup-orders/" + tomorrow + "/payments", Map.of("provider", "wallet"),
                customer).status()).isEqualTo(201);
        var paid = pickup.awaitStatus(customer, tomorrow, "PAID");

        assertThat(paid.path("number").asString()).isEqualTo("001");
        var localDay = clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertThat(paid.path("numberDay").asString()).isEqualTo(localDay.toString());
    }

    @Test
    void aCustomerCancelsAnUnpaidOrderButNotAPaidOne() {
        var shop = pickup.shop("自提取消", PickupFixtures.allDay());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var unpaid = pickup.placed(customer, shop);
        var paid = pickup.placed(customer, shop);
        pickup.payBySandbox(customer, paid);
        pickup.awaitStatus(customer, paid, "PAID");

        var cancelled = api.post("/api/v1/me/pickup-orders/" + unpaid + "/cancel", null, customer);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("orderStatus")).isEqualTo("CANCELLED");
        var refused = api.post("/api/v1/me/pickup-orders/" + paid + "/cancel", null, customer);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(pickup.pickup(customer, paid).path("status").asString()).isEqualTo("PAID");
        var payCancelled = api.post("/api/v1/me/pickup-orders/" + unpaid + "/payments", Map.of("provider", "sandbox"),
                customer);
        assertThat(payCancelled.status()).isEqualTo(409);
    }

    @Test
    void anotherCustomerCanNeitherSeeNorPayNorCancelSomeonesOrder() {
        var shop = pickup.shop("自提隐私", PickupFixtures.allDay());
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var stranger = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = pickup.placed(customer, shop);

        assertThat(api.get("/api/v1/me/pickup-orders/" + orderId, stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/pickup-orders/" + orderId + "/payments", Map.of("provider", "sandbox"),
                stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/pickup-orders/" + orderId + "/cancel", null, stranger).status()).isEqualTo(404);
        assertThat(pickup.pickup(customer, orderId).path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(api.get("/api/v1/me/pickup-orders", stranger).body().size()).isZero();
    }
}
