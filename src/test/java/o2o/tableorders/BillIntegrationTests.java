package o2o.tableorders;

import static o2o.tableorders.BillFixtures.count;
import static o2o.tableorders.BillFixtures.minor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.identity.Role;
import o2o.ledger.Ledger;
import o2o.loyalty.Loyalty;
import o2o.tableorders.BillFixtures.Diner;
import o2o.tableorders.TableFixtures.Restaurant;
import o2o.tableorders.TableFixtures.Table;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The table's bill: asking for it, splitting it, claiming items, paying shares online and at the counter, settling. */
class BillIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Loyalty loyalty;

    @Autowired
    Ledger ledger;

    TableFixtures tables;
    BillFixtures bills;
    Restaurant restaurant;
    Table table;

    @BeforeEach
    void restaurant() {
        tables = new TableFixtures(api, fixtures);
        bills = new BillFixtures(api, fixtures, tables, jdbc, loyalty, ledger, port);
        restaurant = tables.restaurant("买单");
        table = tables.seatedTable(restaurant, "A3");
    }

    @Test
    void theBillChargesEveryRoundItemNotVoidedAndOnceAskedForNoRoundGoesOutUntilStaffReopenIt() {
        var ann = bills.diner();
        var bob = bills.diner();
        var first = bills.round(table, ann, Map.of(restaurant.greens(), 2, restaurant.rice(), 3));
        bills.round(table, bob, Map.of(restaurant.greens(), 1));
        var rice = itemNamed(first, "米饭");
        var voided = api.post("/api/v1/merchant/stores/" + restaurant.store() + "/round-items/" + rice + "/state",
                Map.of("state", "VOIDED"), restaurant.owner());
        assertThat(voided.status()).as(voided.raw()).isEqualTo(200);

        var before = bills.bill(table, ann);
        assertThat(before.path("status").asString()).isEqualTo("NOT_ASKED");
        assertThat(minor(before.path("subtotal"))).isEqualTo(5400);

        var asked = bills.ask(table, ann);
        assertThat(asked.path("status").asString()).isEqualTo("OPEN");
        assertThat(minor(asked.path("subtotal"))).isEqualTo(3600 + 1800);
        assertThat(asked.path("rounds").size()).isEqualTo(2);
        assertThat(asked.path("rounds").get(0).path("items").size()).as("the voided rice is not charged").isEqualTo(1);
        assertThat(bills.ask(table, bob).path("id").asString()).as("asking again is the same bill")
                .isEqualTo(asked.path("id").asString());

        assertThat(tables.add(bob.auth(), table, restaurant.greens(), List.of(), 1).status()).isEqualTo(201);
        var blocked = tables.as(bob.auth(), "POST", "/api/v1/tables/" + table.code() + "/rounds", null);
        assertThat(blocked.status()).as(blocked.raw()).isEqualTo(409);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.text("type")).isEqualTo("urn:o2o:problem:bill-in-progress");
        var byStaff = api.post("/api/v1/merchant/tables/" + table.id() + "/rounds",
                Map.of("lines", List.of(Map.of("itemId", restaurant.rice(), "quantity", 1))), restaurant.owner());
        assertThat(byStaff.status()).as(byStaff.raw()).isEqualTo(409);
        assertThat(byStaff.text("type")).isEqualTo("urn:o2o:problem:bill-in-progress");
        assertThat(bills.bill(table, ann).path("rounds").size()).isEqualTo(2);
        var greens = itemNamed(first, "青菜");
        var lateVoid = api.post("/api/v1/merchant/stores/" + restaurant.store() + "/round-items/" + greens + "/state",
                Map.of("state", "VOIDED"), restaurant.owner());
        assertThat(lateVoid.status()).as("what the bill charges is fixed once it is asked for").isEqualTo(409);
        assertThat(lateVoid.text("type")).isEqualTo("urn:o2o:problem:bill-in-progress");
        assertThat(minor(bills.bill(table, ann).path("subtotal"))).isEqualTo(3600 + 1800);

        var reopened = api.post(bills.staffBillPath(table) + "/reopen", null, restaurant.owner());
        assertThat(reopened.status()).as(reopened.raw()).isEqualTo(200);
        assertThat(reopened.text("status")).isEqualTo("NOT_ASKED");
        var again = tables.as(bob.auth(), "POST", "/api/v1/tables/" + table.code() + "/rounds", null);
        assertThat(again.status()).as(again.raw()).isEqualTo(201);

        var second = bills.ask(table, bob);
        assertThat(second.path("id").asString()).isNotEqualTo(asked.path("id").asString());
        assertThat(minor(second.path("subtotal"))).isEqualTo(3600 + 1800 + 1800);
        var split = bills.split(table, bob, "EVEN", 3);
        var share = split.path("shares").get(0).path("id").asString();
        var cash = api.post(bills.staffBillPath(table) + "/shares/" + share + "/counter", Map.of("method", "CASH"),
                restaurant.owner());
        assertThat(cash.status()).as(cash.raw()).isEqualTo(200);
        var refused = api.post(bills.staffBillPath(table) + "/reopen", null, restaurant.owner());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:o2o:problem:bill-partly-paid");
        var resplit = api.post(bills.billPath(table) + "/split", Map.of("split", "WHOLE"), bob.token());
        assertThat(resplit.status()).as(resplit.raw()).isEqualTo(409);
        assertThat(bills.bill(table, bob).path("shares").size()).isEqualTo(3);
        assertThat(bills.bill(table, bob).path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void roundsSentWhileTheBillIsAskedForAreEitherAllInTheBillOrRefused() throws Exception {
        var diners = new ArrayList<Diner>();
        for (int i = 0; i < 6; i++) diners.add(bills.diner());
        bills.greens(restaurant, table, diners.getFirst(), 1);
        for (var diner : diners) {
            assertThat(tables.add(diner.auth(), table, restaurant.rice(), List.of(), 1).status()).isEqualTo(201);
        }
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (var diner : diners) {
            tasks.add(() -> tables.as(diner.auth(), "POST", "/api/v1/tables/" + table.code() + "/rounds", null));
            tasks.add(() -> api.post(bills.billPath(table), null, diner.token()));
        }
        var results = Concurrently.atOnce(tasks);
        for (int i = 0; i < results.size(); i += 2) {
            var round = results.get(i);
            assertThat(round.status()).as(round.raw()).isIn(201, 409);
            if (round.status() == 409) {
                assertThat(round.text("type")).isIn("urn:o2o:problem:bill-in-progress",
                        "urn:o2o:problem:table-cart-empty");
            }
            assertThat(results.get(i + 1).status()).as(results.get(i + 1).raw()).isEqualTo(200);
        }
        var bill = bills.bill(table, diners.getFirst());
        long sent = 0;
        for (var round : tables.rounds(table)) {
            for (var item : round.path("items")) sent += minor(item.path("amount"));
        }
        assertThat(minor(bill.path("subtotal"))).as("every round that went out, and only those").isEqualTo(sent);
        var billIds = results.stream().filter(r -> r.status() == 200).map(r -> r.text("id")).distinct().toList();
        assertThat(billIds).hasSize(1);
    }

    @Test
    void evenSharesAddUpToTheBillWithTheRemainderOnTheFirstShares() {
        var ann = bills.diner();
        bills.round(table, ann, Map.of(restaurant.greens(), 1, restaurant.rice(), 1));
        bills.ask(table, ann);
        for (int parts : List.of(1, 2, 3, 7, 11, 99)) {
            var split = bills.split(table, ann, "EVEN", parts);
            var shares = split.path("shares");
            assertThat(shares.size()).isEqualTo(parts);
            long sum = 0;
            for (int i = 0; i < parts; i++) {
                long amount = minor(shares.get(i).path("amount"));
                assertThat(amount).isEqualTo(2000 / parts + (i < 2000 % parts ? 1 : 0));
                sum += amount;
            }
            assertThat(sum).isEqualTo(2000);
        }
        var whole = bills.split(table, ann, "WHOLE", 1);
        assertThat(whole.path("shares").size()).isEqualTo(1);
        assertThat(minor(whole.path("shares").get(0).path("amount"))).isEqualTo(2000);
    }

    @Test
    void itemsClaimedAtOnceByManyDinersEndUpInExactlyOneShareEach() throws Exception {
        var diners = new ArrayList<Diner>();
        for (int i = 0; i < 5; i++) diners.add(bills.diner());
        for (var diner : diners.subList(0, 4)) {
            bills.round(table, diner, Map.of(restaurant.greens(), 1, restaurant.rice(), 2));
        }
        bills.ask(table, diners.getFirst());
        var bill = bills.split(table, diners.getFirst(), "ITEMS", 1);
        var items = new ArrayList<String>();
        bill.path("rounds").forEach(r -> r.path("items").forEach(i -> items.add(i.path("id").asString())));
        assertThat(items).hasSize(8);

        var tasks = new ArrayList<Callable<Api.Response>>();
        for (var diner : diners) {
            for (var item : items) {
                tasks.add(() -> api.post(bills.billPath(table) + "/claims", Map.of("itemIds", List.of(item)),
                        diner.token()));
            }
        }
        var results = Concurrently.atOnce(tasks);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isIn(200, 409));
        assertThat(results.stream().filter(r -> r.status() == 200).count()).isEqualTo(items.size());

        var after = bills.bill(table, diners.getFirst());
        var owners = new HashSet<String>();
        long claimedTotal = 0;
        for (var share : after.path("shares")) {
            for (var item : share.path("itemIds")) assertThat(owners.add(item.asString())).as("in one share").isTrue();
            claimedTotal += minor(share.path("amount"));
        }
        assertThat(owners).containsExactlyInAnyOrderElementsOf(items);
        assertThat(claimedTotal).isEqualTo(minor(after.path("subtotal")));
        assertThat(minor(after.path("unclaimed"))).isZero();

        var owner = after.path("shares").get(0);
        var someoneElse = diners.stream().filter(d -> !d.id().toString().equals(owner.path("claimedBy").asString()))
                .findFirst().orElseThrow();
        var taken = api.post(bills.billPath(table) + "/claims",
                Map.of("itemIds", List.of(owner.path("itemIds").get(0).asString())), someoneElse.token());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).isEqualTo("urn:o2o:problem:bill-item-taken");
        var nothingLeft = api.post(bills.billPath(table) + "/rest", null, someoneElse.token());
        assertThat(nothingLeft.status()).isEqualTo(409);

        var ownerDiner = diners.stream().filter(d -> d.id().toString().equals(owner.path("claimedBy").asString()))
                .findFirst().orElseThrow();
        var twice = api.post(bills.billPath(table) + "/claims",
                Map.of("itemIds", List.of(owner.path("itemIds").get(0).asString())), ownerDiner.token());
        assertThat(twice.status()).as("claiming one's own item again changes nothing").isEqualTo(200);
        assertThat(twice.body().path("shares")).isEqualTo(after.path("shares"));
        var givenBack = owner.path("itemIds").get(0).asString();
        var released = api.post(bills.billPath(table) + "/claims/release", Map.of("itemIds", List.of(givenBack)),
                ownerDiner.token());
        assertThat(released.status()).as(released.raw()).isEqualTo(200);
        assertThat(minor(released.body().path("unclaimed"))).isPositive();
        var rest = api.post(bills.billPath(table) + "/rest", null, someoneElse.token());
        assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
        long total = 0;
        for (var share : rest.body().path("shares")) total += minor(share.path("amount"));
        assertThat(total).isEqualTo(minor(rest.body().path("subtotal")));
        var restShare = rest.body().path("shares").get(rest.body().path("shares").size() - 1);
        assertThat(restShare.path("kind").asString()).isEqualTo("REST");
        assertThat(restShare.path("itemIds").get(0).asString()).isEqualTo(givenBack);
    }

    @Test
    void theSameSharePaidTwiceAtOnceIsOneOrderAndOnePaymentAndAnotherPhoneIsTurnedAway() throws Exception {
        var ann = bills.diner();
        var bob = bills.diner();
        bills.greens(restaurant, table, ann, 2);
        bills.ask(table, ann);
        var share = bills.split(table, ann, "WHOLE", 1).path("shares").get(0).path("id").asString();

        var taps = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 8; i++) taps.add(() -> bills.pay(table, ann, share, Map.of("method", "sandbox")));
        var results = Concurrently.atOnce(taps);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
        var orderId = results.getFirst().text("orderId");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.text("orderId")).isEqualTo(orderId);
            assertThat(r.text("redirectUrl")).isEqualTo(results.getFirst().text("redirectUrl"));
        });
        assertThat(bills.ordersOfShare(share)).isEqualTo(1);
        assertThat(bills.paymentsOf(orderId)).isEqualTo(1);

        var otherPhone = bills.pay(table, bob, share, Map.of("method", "sandbox"));
        assertThat(otherPhone.status()).isEqualTo(409);
        assertThat(otherPhone.text("type")).isEqualTo("urn:o2o:problem:bill-share-taken");
        assertThat(bills.ordersOfShare(share)).isEqualTo(1);

        bills.confirm(results.getFirst().text("redirectUrl"));
        var settled = bills.settled(table, ann);
        assertThat(count(settled.path("shares"), "PAID")).isEqualTo(1);
        assertThat(bills.orderStatus(orderId)).isEqualTo("COMPLETED");
        assertThat(bills.sessionOpen(table)).isFalse();
        assertThat(bills.paymentsOf(orderId)).isEqualTo(1);
    }

    @Test
    void sharesPaidAtOnceFromSeveralPhonesSettleTheBillOnceAndFreeTheTable() throws Exception {
        var cashier = fixtures.staff(restaurant.merchant(), Role.CASHIER, java.util.Set.of(restaurant.store()));
        var diners = new ArrayList<Diner>();
        for (int i = 0; i < 4; i++) diners.add(bills.member(restaurant));
        for (var diner : diners.subList(2, 4)) bills.topUp(restaurant, diner, cashier, 10_000);
        bills.round(table, diners.getFirst(), Map.of(restaurant.greens(), 3, restaurant.rice(), 5));
        bills.ask(table, diners.getFirst());
        var shares = bills.split(table, diners.getFirst(), "EVEN", 4).path("shares");
        assertThat(shares.size()).isEqualTo(4);

        var payments = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 4; i++) {
            var diner = diners.get(i);
            var share = shares.get(i).path("id").asString();
            var method = i < 2 ? "sandbox" : "wallet";
            payments.add(() -> bills.pay(table, diner, share, Map.of("method", method)));
        }
        var started = Concurrently.atOnce(payments);
        assertThat(started).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
        var confirmations = new ArrayList<Callable<Boolean>>();
        for (var payment : started.subList(0, 2)) {
            confirmations.add(() -> {
                bills.confirm(payment.text("redirectUrl"));
                return true;
            });
        }
        Concurrently.atOnce(confirmations);

        var settled = bills.settled(table, diners.getFirst());
        assertThat(count(settled.path("shares"), "PAID")).isEqualTo(4);
        assertThat(bills.closedSessions(table)).isEqualTo(1);
        assertThat(bills.sessionOpen(table)).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(started)
                .allSatisfy(p -> assertThat(bills.orderStatus(p.text("orderId"))).isEqualTo("COMPLETED")));
        assertThat(jdbc.sql("select count(*) from table_bill where table_id = :t and status = 'SETTLED'")
                .param("t", table.id()).query(Long.class).single()).isEqualTo(1);
        long each = 3 * 1800 + 5 * 200;
        assertThat(bills.wallet(restaurant, diners.get(2))).isEqualTo(10_000 - each / 4);
        assertThat(bills.wallet(restaurant, diners.get(3))).isEqualTo(10_000 - each / 4);
        var free = api.get("/api/v1/merchant/stores/" + restaurant.store() + "/tables/status", restaurant.owner());
        assertThat(free.body().findValues("occupied").stream().noneMatch(JsonNode::asBoolean)).isTrue();
    }

    @Test
    void aMembersShareTakesTheirTierDiscountAndPointsAndANonMembersOnlyTheirCoupon() {
        bills.tiers(restaurant);
        var member = bills.member(restaurant);
        bills.earn(restaurant, member, 20_000);
        var stranger = bills.diner();
        bills.greens(restaurant, table, member, 5);
        bills.ask(table, member);
        var share = bills.split(table, member, "EVEN", 2).path("shares");
        var mine = share.get(0).path("id").asString();
        var theirs = share.get(1).path("id").asString();

        var preview = api.get(bills.billPath(table) + "/shares/" + mine + "/preview?pointsToUse=100", member.token());
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.text("tierName")).isEqualTo("银卡");
        assertThat(minor(preview.body().path("subtotal"))).isEqualTo(4500);
        assertThat(minor(preview.body().path("memberDiscount"))).isEqualTo(225);
        assertThat(minor(preview.body().path("pointsValue"))).isEqualTo(100);
        assertThat(minor(preview.body().path("total"))).isEqualTo(4500 - 225 - 100);
        assertThat(preview.body().path("pointsBalance").asLong()).isEqualTo(200);

        var paid = bills.pay(table, member, mine, Map.of("method", "sandbox", "pointsToUse", 100));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        var order = api.get("/api/v1/me/orders/" + paid.text("orderId"), member.token()).body();
        assertThat(order.path("channel").asString()).isEqualTo("DINE_IN");
        assertThat(minor(order.path("subtotalAmount"))).isEqualTo(4500);
        assertThat(minor(order.path("discountAmount"))).isEqualTo(225);
        assertThat(order.path("pointsUsed").asLong()).isEqualTo(100);
        assertThat(minor(order.path("totalAmount"))).isEqualTo(4175);
        assertThat(order.path("lines").get(0).path("kind").asString()).isEqualTo("SHARE");
        assertThat(order.path("lines").get(0).path("title").asString()).contains("A3").contains("1/2");
        assertThat(bills.points(restaurant, member)).isEqualTo(100);

        var strangers = api.get(bills.billPath(table) + "/shares/" + theirs + "/preview", stranger.token()).body();
        assertThat(minor(strangers.path("memberDiscount"))).isZero();
        assertThat(strangers.path("tierName").isNull()).isTrue();
        var noPoints = bills.pay(table, stranger, theirs, Map.of("method", "sandbox", "pointsToUse", 100));
        assertThat(noPoints.status()).as(noPoints.raw()).isEqualTo(409);
        assertThat(noPoints.text("type")).isEqualTo("urn:o2o:problem:not-a-member");
        var coupon = bills.coupon(restaurant, stranger, 500, 1000);
        var withCoupon = api.get(bills.billPath(table) + "/shares/" + theirs + "/preview?couponId=" + coupon,
                stranger.token()).body();
        assertThat(withCoupon.path("coupons").get(0).path("id").asString()).isEqualTo(coupon);
        assertThat(minor(withCoupon.path("couponDiscount"))).isEqualTo(500);
        assertThat(minor(withCoupon.path("total"))).isEqualTo(4000);
        var plain = bills.pay(table, stranger, theirs, Map.of("method", "sandbox", "couponId", coupon));
        assertThat(plain.status()).as(plain.raw()).isEqualTo(201);
        var theirOrder = api.get("/api/v1/me/orders/" + plain.text("orderId"), stranger.token()).body();
        assertThat(minor(theirOrder.path("discountAmount"))).isEqualTo(500);
        assertThat(minor(theirOrder.path("totalAmount"))).isEqualTo(4000);

        bills.confirm(paid.text("redirectUrl"));
        bills.confirm(plain.text("redirectUrl"));
        bills.settled(table, member);
        assertThat(bills.orderStatus(paid.text("orderId"))).isEqualTo("COMPLETED");
        assertThat(bills.orderStatus(plain.text("orderId"))).isEqualTo("COMPLETED");
        assertThat(bills.couponStatus(stranger, coupon)).isEqualTo("USED");
    }

    @Test
    void pointsPayAWholeShareAtOnceAndStoredValuePaysAnother() {
        bills.pointsPayAll(restaurant);
        var cashier = fixtures.staff(restaurant.merchant(), Role.CASHIER, java.util.Set.of(restaurant.store()));
        var rich = bills.member(restaurant);
        bills.credit(restaurant, rich, 5000);
        var poor = bills.member(restaurant);
        bills.credit(restaurant, poor, 100);
        bills.topUp(restaurant, poor, cashier, 5000);
        bills.greens(restaurant, table, rich, 2);
        bills.ask(table, rich);
        var shares = bills.split(table, rich, "EVEN", 2).path("shares");
        var first = shares.get(0).path("id").asString();
        var second = shares.get(1).path("id").asString();

        var preview = api.get(bills.billPath(table) + "/shares/" + second + "/preview", poor.token()).body();
        assertThat(preview.path("pointsToCoverAll").isNull()).isTrue();
        var cannot = bills.pay(table, poor, second, Map.of("method", "points"));
        assertThat(cannot.status()).as(cannot.raw()).isEqualTo(409);
        assertThat(cannot.text("type")).isEqualTo("urn:o2o:problem:bill-points-cannot-cover");
        assertThat(bills.ordersOfShare(second)).isZero();
        assertThat(bills.points(restaurant, poor)).isEqualTo(100);

        var covered = bills.pay(table, rich, first, Map.of("method", "points"));
        assertThat(covered.status()).as(covered.raw()).isEqualTo(201);
        assertThat(covered.text("orderStatus")).isEqualTo("PAID");
        assertThat(covered.body().path("redirectUrl").isNull()).isTrue();
        assertThat(jdbc.sql("select points_used from customer_order where id = :o")
                .param("o", UUID.fromString(covered.text("orderId"))).query(Long.class).single()).isEqualTo(1800);
        bills.paidShares(table, rich, 1);

        var wallet = bills.pay(table, poor, second, Map.of("method", "wallet"));
        assertThat(wallet.status()).as(wallet.raw()).isEqualTo(201);
        bills.settled(table, rich);
        assertThat(bills.wallet(restaurant, poor)).isEqualTo(5000 - 1800);
        assertThat(bills.orderStatus(covered.text("orderId"))).isEqualTo("COMPLETED");
        assertThat(bills.orderStatus(wallet.text("orderId"))).isEqualTo("COMPLETED");
        assertThat(bills.sessionOpen(table)).isFalse();
    }

    @Test
    void payingFromStoredValueWithTwoTapsAtOnceChargesOnceAndAnswersBothWithTheSameOrder() throws Exception {
        var member = bills.member(restaurant);
        var share = wholeBillOfGreens(member, 10_000, 2);

        var taps = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 4; i++) taps.add(() -> bills.pay(table, member, share, Map.of("method", "wallet")));
        var results = Concurrently.atOnce(taps);
        var answered = results.stream().filter(r -> r.status() == 201).toList();
        assertThat(answered).as("a repeat before the bill settles gets the same order").isNotEmpty();
        assertThat(answered.stream().map(r -> r.text("orderId")).distinct()).hasSize(1);
        // a tap that arrives after the bill settled finds the table free: no bill there any more
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isIn(201, 404, 409));
        results.stream().filter(r -> r.status() != 201).forEach(r -> assertThat(r.text("type"))
                .as("only a tap after the bill settled is refused").isIn("urn:o2o:problem:bill-not-open",
                        "urn:o2o:problem:not-found"));
        bills.settled(table, member);
        assertThat(bills.ordersOfShare(share)).isEqualTo(1);
        assertThat(bills.paymentsOf(answered.getFirst().text("orderId"))).isEqualTo(1);
        assertThat(bills.wallet(restaurant, member)).isEqualTo(10_000 - 3600);

        var afterwards = bills.pay(table, member, share, Map.of("method", "wallet"));
        assertThat(afterwards.status()).as(afterwards.raw()).isEqualTo(404);
        assertThat(bills.wallet(restaurant, member)).isEqualTo(10_000 - 3600);
    }

    @Test
    void aGatewayPaymentConfirmedAfterTheShareWasPaidFromStoredValueIsPaidBack() {
        var member = bills.member(restaurant);
        var share = wholeBillOfGreens(member, 10_000, 1);
        var viaGateway = bills.pay(table, member, share, Map.of("method", "sandbox"));
        assertThat(viaGateway.status()).as(viaGateway.raw()).isEqualTo(201);
        var fromWallet = bills.pay(table, member, share, Map.of("method", "wallet"));
        assertThat(fromWallet.status()).as(fromWallet.raw()).isEqualTo(201);
        var orderId = fromWallet.text("orderId");
        assertThat(orderId).isEqualTo(viaGateway.text("orderId"));
        bills.settled(table, member);

        bills.confirm(viaGateway.text("redirectUrl"));

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
                        select count(*) from refund r join payment p on p.id = r.payment_id
                        where p.order_id = :o and p.provider = 'sandbox' and p.status = 'DUPLICATE'
                          and r.reference = 'payment:' || p.id || ':duplicate' and r.status = 'SUCCEEDED'
                          and r.amount_minor = p.amount_minor
                        """).param("o", UUID.fromString(orderId)).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select status from payment where order_id = :o order by status")
                .param("o", UUID.fromString(orderId)).query(String.class).list())
                .containsExactly("DUPLICATE", "SUCCEEDED");
        assertThat(bills.wallet(restaurant, member)).isEqualTo(10_000 - 1800);
        assertThat(bills.orderStatus(orderId)).isEqualTo("COMPLETED");
    }

    @Test
    void tooLittleStoredValuePlacesNothingAndLeavesTheShareOpen() {
        var member = bills.member(restaurant);
        var share = wholeBillOfGreens(member, 1000, 1);
        var refused = bills.pay(table, member, share, Map.of("method", "wallet"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(bills.ordersOfShare(share)).isZero();
        assertThat(bills.dineInOrdersAt(restaurant)).isEmpty();
        assertThat(bills.wallet(restaurant, member)).isEqualTo(1000);
        assertThat(bills.bill(table, member).path("shares").get(0).path("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void staffTakeSharesAtTheCounterInCashOrCardPlacingWalkInOrdersWhereNobodyPlacedOne() {
        var waiter = fixtures.staff(restaurant.merchant(), Role.WAITER, java.util.Set.of(restaurant.store()));
        var member = bills.member(restaurant);
        bills.round(table, member, Map.of(restaurant.greens(), 2, restaurant.rice(), 1));
        bills.ask(table, member);
        var shares = bills.split(table, member, "EVEN", 3).path("shares");
        var started = bills.pay(table, member, shares.get(0).path("id").asString(), Map.of("method", "sandbox"));
        assertThat(started.status()).isEqualTo(201);

        var console = new WebSession(port).signInAsStaff(restaurant.merchant().ownerUsername(), "password-1");
        var billPage = console.get("/merchant/tables/" + table.id() + "/bill");
        assertThat(billPage.status()).isEqualTo(200);
        assertThat(billPage.body()).contains("¥38.00").contains("¥12.67").contains("¥12.66")
                .contains("data-state=\"PAYING\"").contains("bill-counter-cash");

        var card = api.post(bills.staffBillPath(table) + "/shares/" + shares.get(0).path("id").asString() + "/counter",
                Map.of("method", "CARD"), waiter);
        assertThat(card.status()).as(card.raw()).isEqualTo(200);
        assertThat(card.body().path("shares").get(0).path("state").asString()).isEqualTo("PAID");
        assertThat(card.body().path("shares").get(0).path("orderId").asString()).isEqualTo(started.text("orderId"));
        var again = api.post(bills.staffBillPath(table) + "/shares/" + shares.get(0).path("id").asString() + "/counter",
                Map.of("method", "CASH"), waiter);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);

        var byPage = console.post("/merchant/tables/" + table.id() + "/bill/shares/"
                + shares.get(1).path("id").asString() + "/counter", Map.of("method", "CASH"));
        assertThat(byPage.status()).isEqualTo(302);
        var rest = api.post(bills.staffBillPath(table) + "/counter", Map.of("method", "CASH"), waiter);
        assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
        assertThat(rest.text("status")).isEqualTo("SETTLED");
        assertThat(count(rest.body().path("shares"), "PAID")).isEqualTo(3);
        assertThat(bills.sessionOpen(table)).isFalse();
        var methods = jdbc.sql("""
                        select o.offline_method || ':' || o.status || ':' || coalesce(o.customer_id::text, 'walk-in')
                        from customer_order o join bill_share s on s.order_id = o.id
                        where s.bill_id = :b order by s.position
                        """)
                .param("b", UUID.fromString(rest.text("id"))).query(String.class).list();
        assertThat(methods).containsExactly("CARD:COMPLETED:" + member.id(), "CASH:COMPLETED:walk-in",
                "CASH:COMPLETED:walk-in");

        var nextParty = tables.seatedTable(restaurant, "B1");
        bills.greens(restaurant, nextParty, member, 1);
        var direct = api.post("/api/v1/merchant/tables/" + nextParty.id() + "/bill/counter", Map.of("method", "CARD"),
                waiter);
        assertThat(direct.status()).as(direct.raw()).isEqualTo(200);
        assertThat(direct.text("status")).isEqualTo("SETTLED");
        assertThat(direct.text("split")).isEqualTo("WHOLE");
        assertThat(bills.sessionOpen(nextParty)).isFalse();
    }

    @Test
    void anOrderCancelledUnpaidFreesItsShareForSomebodyElse() {
        var ann = bills.diner();
        var bob = bills.diner();
        bills.greens(restaurant, table, ann, 1);
        bills.ask(table, ann);
        var share = bills.split(table, ann, "WHOLE", 1).path("shares").get(0).path("id").asString();
        var abandoned = bills.pay(table, ann, share, Map.of("method", "sandbox"));
        assertThat(abandoned.status()).isEqualTo(201);
        assertThat(bills.pay(table, bob, share, Map.of("method", "sandbox")).status()).isEqualTo(409);

        clock.advance(Duration.ofMinutes(16));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> bills.bill(table, ann).path("shares").get(0).path("state").asString().equals("OPEN"));
        assertThat(bills.orderStatus(abandoned.text("orderId"))).isEqualTo("CANCELLED");
        clock.reset();

        var taken = bills.pay(table, bob, share, Map.of("method", "sandbox"));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        assertThat(taken.text("orderId")).isNotEqualTo(abandoned.text("orderId"));
        bills.confirm(taken.text("redirectUrl"));
        bills.settled(table, bob);
        assertThat(bills.orderStatus(taken.text("orderId"))).isEqualTo("COMPLETED");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        var ann = bills.diner();
        bills.greens(restaurant, table, ann, 1);
        var noBillYet = api.post(bills.billPath(table) + "/split", Map.of("split", "WHOLE"), ann.token());
        assertThat(noBillYet.status()).isEqualTo(404);
        var emptyTable = tables.seatedTable(restaurant, "空桌");
        var empty = api.post("/api/v1/tables/" + emptyTable.code() + "/bill", null, ann.token());
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.text("type")).isEqualTo("urn:o2o:problem:bill-empty");
        bills.ask(table, ann);
        var before = bills.bill(table, ann);
        var share = bills.split(table, ann, "WHOLE", 1).path("shares").get(0).path("id").asString();
        before = bills.bill(table, ann);

        var path = bills.billPath(table);
        var bad = new ArrayList<Api.Response>();
        bad.add(api.post(path + "/split", Map.of("split", "EVEN", "parts", 0), ann.token()));
        bad.add(api.post(path + "/split", Map.of("split", "EVEN", "parts", 100), ann.token()));
        bad.add(api.post(path + "/split", Map.of("split", "HALF"), ann.token()));
        bad.add(api.post(path + "/split", "{not json", ann.token()));
        bad.add(api.post(path + "/claims", Map.of("itemIds", List.of()), ann.token()));
        bad.add(api.post(path + "/claims", Map.of("itemIds", List.of("not-a-uuid")), ann.token()));
        bad.add(api.post(path + "/claims", Map.of("itemIds", List.of(UUID.randomUUID())), ann.token()));
        bad.add(api.post(path + "/rest", null, ann.token()));
        bad.add(bills.pay(table, ann, share, Map.of("method", "bitcoin")));
        bad.add(bills.pay(table, ann, share, Map.of("method", "sandbox", "pointsToUse", -1)));
        bad.add(bills.pay(table, ann, share, Map.of("method", "points", "pointsToUse", 10)));
        bad.add(bills.pay(table, ann, share, Map.of("method", "sandbox", "couponId", UUID.randomUUID())));
        bad.add(bills.pay(table, ann, UUID.randomUUID().toString(), Map.of("method", "sandbox")));
        bad.add(api.get(path + "/shares/" + share + "/preview?pointsToUse=-1", ann.token()));
        bad.add(api.get(path + "/shares/" + share + "/preview?couponId=" + UUID.randomUUID(), ann.token()));
        bad.add(api.post("/api/v1/tables/no-such-table/bill", null, ann.token()));
        bad.add(api.post(bills.staffBillPath(table) + "/counter", Map.of("method", "BITCOIN"), restaurant.owner()));
        bad.add(api.post(bills.staffBillPath(table) + "/counter", Map.of(), restaurant.owner()));
        bad.add(api.post(bills.staffBillPath(table) + "/shares/" + UUID.randomUUID() + "/counter",
                Map.of("method", "CASH"), restaurant.owner()));
        bad.add(api.post(bills.staffBillPath(table) + "/split", Map.of("split", "EVEN", "parts", 5000),
                restaurant.owner()));
        bad.add(api.send("GET", path, null, null));
        for (var response : bad) {
            assertThat(response.status()).as(response.raw()).isBetween(400, 499);
            assertThat(response.contentType()).as(response.raw()).startsWith("application/problem+json");
        }
        var after = bills.bill(table, ann);
        assertThat(after).isEqualTo(before);
        assertThat(bills.ordersOfShare(share)).isZero();
        var kitchenStaff = fixtures.staff(restaurant.merchant(), Role.KITCHEN, java.util.Set.of(restaurant.store()));
        var kitchen = api.post(bills.staffBillPath(table) + "/counter", Map.of("method", "CASH"), kitchenStaff);
        assertThat(kitchen.status()).isEqualTo(403);
        assertThat(bills.bill(table, ann)).isEqualTo(before);
    }

    @Test
    void anAnonymousPhoneThatScannedTheTableSeesAndAsksForTheBillButSignsInToPay() {
        var ann = bills.diner();
        bills.greens(restaurant, table, ann, 1);
        var phone = TableFixtures.anonymous();
        var seen = tables.as(phone, "GET", bills.billPath(table), null);
        assertThat(seen.status()).as(seen.raw()).isEqualTo(200);
        var asked = tables.as(phone, "POST", bills.billPath(table), null);
        assertThat(asked.status()).as(asked.raw()).isEqualTo(200);
        assertThat(asked.text("status")).isEqualTo("OPEN");
        var split = tables.as(phone, "POST", bills.billPath(table) + "/split", Map.of("split", "WHOLE"));
        var share = split.body().path("shares").get(0).path("id").asString();
        var pay = tables.as(phone, "POST", bills.billPath(table) + "/shares/" + share + "/payment",
                new HashMap<>(Map.of("method", "sandbox")));
        assertThat(pay.status()).isIn(401, 403);
        assertThat(bills.ordersOfShare(share)).isZero();
    }

    /** The member holds {@code storedValueMinor} at the counter, ordered greens, asked for the bill whole: its share. */
    private String wholeBillOfGreens(Diner member, long storedValueMinor, int greens) {
        var cashier = fixtures.staff(restaurant.merchant(), Role.CASHIER, java.util.Set.of(restaurant.store()));
        bills.topUp(restaurant, member, cashier, storedValueMinor);
        bills.greens(restaurant, table, member, greens);
        bills.ask(table, member);
        return bills.split(table, member, "WHOLE", 1).path("shares").get(0).path("id").asString();
    }

    private static String itemNamed(JsonNode round, String name) {
        for (var item : round.path("items")) {
            if (item.path("name").asString().equals(name)) return item.path("id").asString();
        }
        throw new AssertionError("no " + name + " in " + round);
    }
}
