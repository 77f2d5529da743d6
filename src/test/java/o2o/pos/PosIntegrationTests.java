package o2o.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.IntStream;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import o2o.testing.PosSaleBodies;
import o2o.testing.WebSession;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PosIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    record Shop(Fixtures.MerchantFixture merchant, UUID store, String key) {}

    @Test
    void aManagerSeesThePosSalesButNeitherTheKeysNorTheirForms() {
        var a = shop("经理看POS");
        var keyId = api.get("/api/v1/merchant/stores/" + a.store() + "/pos-keys", a.merchant().ownerToken()).body()
                .get(0).path("id").asString();
        var manager = Fixtures.unique("manager");
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", manager, "password", "password-1",
                "displayName", "经理", "role", "MANAGER"), a.merchant().ownerToken());
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);

        var owners = new WebSession(port).signInAsStaff(a.merchant().ownerUsername(), "password-1").get("/merchant/pos");
        assertThat(owners.body()).contains("pos-key-" + keyId, "pos-key-create", "pos-sales");
        var managers = new WebSession(port).signInAsStaff(manager, "password-1").get("/merchant/pos");
        assertThat(managers.status()).isEqualTo(200);
        assertThat(managers.body()).contains("pos-sales").doesNotContain(keyId, "pos-key-create");
    }

    private Shop shop(String name) {
        var merchant = fixtures.approvedMerchant(name);
        var store = fixtures.store(merchant, Fixtures.unique(name + "店"), 31.2, 121.4, "火锅");
        return new Shop(merchant, store, key(merchant, store));
    }

    private String key(Fixtures.MerchantFixture merchant, UUID store) {
        var created = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("secret");
    }

    private Map<String, Object> sale(String txn, long total, @Nullable Map<String, String> member) {
        return PosSaleBodies.sale(txn, total, clock.instant().minusSeconds(30), "WECHAT", member);
    }

    private String member(Shop shop, String phone) {
        var customer = fixtures.customerToken(phone);
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", shop.merchant().id()), customer);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        return customer;
    }

    private long points(Shop shop, String customer) {
        return api.get("/api/v1/me/points?merchantId=" + shop.merchant().id(), customer).body().path("points").asLong();
    }

    private void awaitPoints(Shop shop, String customer, long expected) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> points(shop, customer) == expected);
    }

    private long salesAt(UUID store) {
        return jdbc.sql("select count(*) from pos_sale where store_id = :s").param("s", store).query(Long.class).single();
    }

    private long posOrdersOf(Shop shop) {
        return jdbc.sql("select count(*) from customer_order where merchant_id = :m and channel = 'POS'")
                .param("m", shop.merchant().id()).query(Long.class).single();
    }

    @Test
    void aKeyIsShownOnceStoredOnlyAsAHashAndRefusedAtOnceWhenRevoked() throws Exception {
        var merchant = fixtures.approvedMerchant("钥匙店");
        var store = fixtures.store(merchant, Fixtures.unique("钥匙店"), 31.2, 121.4, "火锅");
        var created = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台收银"),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var key = created.text("secret");
        assertThat(key).matches("o2opos_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
        var keyId = created.body().path("key").path("id").asString();
        var secret = key.substring("o2opos_".length() + 32 + 1);

        var listed = api.get("/api/v1/merchant/stores/" + store + "/pos-keys", merchant.ownerToken());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().size()).isEqualTo(1);
        assertThat(listed.raw()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(listed.body().get(0).path("name").asString()).isEqualTo("前台收银");

        var stored = jdbc.sql("select secret_hash from pos_api_key where id = :id").param("id", UUID.fromString(keyId))
                .query(byte[].class).single();
        assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        var row = jdbc.sql("select cast(row_to_json(k) as text) from pos_api_key k where id = :id")
                .param("id", UUID.fromString(keyId)).query(String.class).single();
        assertThat(row).doesNotContain(secret);

        assertThat(api.get("/api/v1/pos/sales/none", key).status()).as("authenticated, nothing there").isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/pos/sales/none", null, null, Map.of("X-Api-Key", key)).status()).isEqualTo(404);
        var forged = key.substring(0, key.length() - 4) + "AAAA";
        var refused = api.get("/api/v1/pos/sales/none", forged);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/merchant/stores/" + store + "/pos-keys", merchant.ownerToken()).body().get(0)
                .path("lastUsedAt").isNull()).as("used just now").isFalse();

        var revoked = api.delete("/api/v1/merchant/stores/" + store + "/pos-keys/" + keyId, merchant.ownerToken());
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.body().path("revokedAt").isNull()).isFalse();
        var afterRevoke = api.post("/api/v1/pos/sales", sale("T-1", 1000, null), key);
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.contentType()).startsWith("application/problem+json");
        assertThat(afterRevoke.body().path("type").asString()).isEqualTo("urn:o2o:problem:pos-key-invalid");
        assertThat(salesAt(store)).isZero();
        assertThat(api.delete("/api/v1/merchant/stores/" + store + "/pos-keys/" + keyId, merchant.ownerToken()).status())
                .as("revoking again is harmless").isEqualTo(200);
    }

    @Test
    void aKeyActsOnlyForItsOwnStoreAndOnlyOnThePosEndpoints() {
        var a = shop("甲店铺");
        var otherStoreOfA = fixtures.store(a.merchant(), Fixtures.unique("甲二店"), 31.2, 121.4, "火锅");
        var keyOfOtherStore = key(a.merchant(), otherStoreOfA);

        assertThat(api.post("/api/v1/pos/sales", sale("SAME-ID", 4000, null), a.key()).status()).isEqualTo(201);
        var elsewhere = api.post("/api/v1/pos/sales", sale("SAME-ID", 8000, null), keyOfOtherStore);
        assertThat(elsewhere.status()).as("another store's transaction ids are its own").isEqualTo(201);
        assertThat(salesAt(a.store())).isEqualTo(1);
        assertThat(salesAt(otherStoreOfA)).isEqualTo(1);
        assertThat(api.get("/api/v1/pos/sales/SAME-ID", a.key()).body().path("total").asLong()).isEqualTo(4000);
        assertThat(api.get("/api/v1/pos/sales/SAME-ID", keyOfOtherStore).body().path("total").asLong()).isEqualTo(8000);
        api.post("/api/v1/pos/sales", sale("ONLY-A", 2000, null), a.key());
        assertThat(api.post("/api/v1/pos/sales/ONLY-A/void", null, keyOfOtherStore).status())
                .as("the other store's key cannot void store A's sale").isEqualTo(404);
        assertThat(api.get("/api/v1/pos/sales/ONLY-A", a.key()).body().path("status").asString()).isEqualTo("PAID");

        for (var path : List.of("/api/v1/merchant/stores", "/api/v1/merchant/members", "/api/v1/me/points",
                "/api/v1/merchant/stores/" + a.store() + "/pos-keys")) {
            var denied = api.get(path, a.key());
            assertThat(denied.status()).as(path).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.post("/api/v1/merchant/stores/" + a.store() + "/pos-keys", Map.of("name", "x"), a.key()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/pos/sales", sale("BY-STAFF", 1000, null), a.merchant().ownerToken()).status())
                .as("staff are not a POS").isEqualTo(403);

        var manager = fixtures.staff(a.merchant(), Role.MANAGER, Set.of());
        assertThat(api.post("/api/v1/merchant/stores/" + a.store() + "/pos-keys", Map.of("name", "x"), manager).status())
                .as("only the owner makes keys").isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/stores/" + a.store() + "/pos-keys", manager).status())
                .as("only the owner lists keys").isEqualTo(403);
        var cashier = fixtures.staff(a.merchant(), Role.CASHIER, Set.of(a.store()));
        assertThat(api.get("/api/v1/merchant/stores/" + a.store() + "/pos-keys", cashier).status()).isEqualTo(403);
    }

    @Test
    void aSalesAnswerIsWhatWasStoredEvenToTheNanosecondItWasSentWith() {
        var shop = shop("应答收银");
        var soldAt = clock.instant().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusNanos(123_456_789);
        var recorded = api.post("/api/v1/pos/sales", PosSaleBodies.sale("ANSWER-1", 8800, soldAt, "CASH", null),
                shop.key());
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        assertThat(recorded.text("soldAt")).isEqualTo(soldAt.minusNanos(789).toString());
        assertThat(recorded.body()).isEqualTo(api.get("/api/v1/pos/sales/ANSWER-1", shop.key()).body());
        assertThat(jdbc.sql("select created_at from customer_order where id = :id")
                .param("id", UUID.fromString(recorded.text("orderId")))
                .query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single())
                .isEqualTo(soldAt.minusNanos(789));
    }

    @Test
    void aSaleToAMemberBecomesAPaidPosOrderOnTheirProfileAndEarnsTheirPoints() {
        var shop = shop("会员收银");
        var phone = Fixtures.uniquePhone();
        var customer = member(shop, phone);

        var recorded = api.post("/api/v1/pos/sales", sale("M-1", 12300, Map.of("phone", phone)), shop.key());
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        assertThat(recorded.body().path("member").asBoolean()).isTrue();
        assertThat(recorded.body().path("duplicate").asBoolean()).isFalse();
        var orderId = UUID.fromString(recorded.text("orderId"));
        var order = jdbc.sql("select channel, status, total_minor, customer_id from customer_order where id = :id")
                .param("id", orderId).query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, UUID.class))).single();
        assertThat(order.subList(0, 3)).containsExactly("POS", "PAID", 12300L);
        assertThat(jdbc.sql("select count(*) from order_line where order_id = :id").param("id", orderId)
                .query(Long.class).single()).isEqualTo(2);
        awaitPoints(shop, customer, 123);

        var qr = api.get("/api/v1/me/memberships/" + shop.merchant().id() + "/qr-token", customer).text("token");
        var byQr = api.post("/api/v1/pos/sales", sale("M-2", 5000, Map.of("memberQr", qr)), shop.key());
        assertThat(byQr.status()).as(byQr.raw()).isEqualTo(201);
        assertThat(byQr.body().path("member").asBoolean()).isTrue();
        awaitPoints(shop, customer, 173);

        var profile = "/api/v1/merchant/members/" + order.get(3);
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(profile, shop.merchant().ownerToken()).body().path("visits").asInt() == 2);
        assertThat(api.get("/api/v1/merchant/pos/sales", shop.merchant().ownerToken()).body().size()).isEqualTo(2);
    }

    @Test
    void aWalkInSaleOrOneNamingNoMemberHereIsStillRecorded() {
        var shop = shop("散客店");
        var walkIn = api.post("/api/v1/pos/sales", sale("W-1", 3000, null), shop.key());
        assertThat(walkIn.status()).as(walkIn.raw()).isEqualTo(201);
        assertThat(walkIn.body().path("member").asBoolean()).isFalse();
        var stranger = api.post("/api/v1/pos/sales", sale("W-2", 3000, Map.of("phone", Fixtures.uniquePhone())),
                shop.key());
        assertThat(stranger.status()).as(stranger.raw()).isEqualTo(201);
        assertThat(stranger.body().path("member").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from customer_order where merchant_id = :m and channel = 'POS' and customer_id is null and status = 'PAID'")
                .param("m", shop.merchant().id()).query(Long.class).single()).isEqualTo(2);
        var refunded = api.post("/api/v1/pos/sales/W-1/refunds", Map.of("refundId", "R1", "amount", 1000), shop.key());
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
        assertThat(refunded.body().path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void theSameSaleTwiceIsRecordedOnceAndAnotherSaleUnderItsIdIsAConflict() throws Exception {
        var shop = shop("重复店");
        var phone = Fixtures.uniquePhone();
        var customer = member(shop, phone);
        var body = sale("D-1", 10000, Map.of("phone", phone));
        var first = api.post("/api/v1/pos/sales", body, shop.key());
        var again = api.post("/api/v1/pos/sales", body, shop.key());
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("duplicate").asBoolean()).isTrue();
        assertThat(again.text("orderId")).isEqualTo(first.text("orderId"));

        var changed = new HashMap<>(body);
        changed.put("paymentMethod", "CASH");
        var conflict = api.post("/api/v1/pos/sales", changed, shop.key());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.body().path("type").asString()).isEqualTo("urn:o2o:problem:pos-sale-conflict");

        var sameAtOnce = sale("D-2", 2000, Map.of("phone", phone));
        var results = Concurrently.atOnce(IntStream.range(0, 10)
                .<Callable<Api.Response>>mapToObj(i -> () -> api.post("/api/v1/pos/sales", sameAtOnce, shop.key()))
                .toList());
        assertThat(results).extracting(Api.Response::status).containsOnly(200, 201);
        assertThat(results.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
        assertThat(results.stream().map(r -> r.text("orderId")).distinct().count()).isEqualTo(1);
        assertThat(posOrdersOf(shop)).isEqualTo(2);
        awaitPoints(shop, customer, 120);
    }

    @Test
    void theSameBatchOfFiftySentTwiceAtOnceRecordsEachSaleExactlyOnceInOrder() throws Exception {
        var shop = shop("批量店");
        var phone = Fixtures.uniquePhone();
        var customer = member(shop, phone);
        var sales = IntStream.range(0, 50).mapToObj(i -> (Object) sale("B-" + i, 1000 + 100 * (i % 3), Map.of("phone", phone)))
                .toList();
        var batch = Map.of("sales", sales);
        var responses = Concurrently.atOnce(List.<Callable<Api.Response>>of(
                () -> api.post("/api/v1/pos/sales/batch", batch, shop.key()),
                () -> api.post("/api/v1/pos/sales/batch", batch, shop.key())));

        for (var response : responses) {
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            var results = response.body().path("results");
            assertThat(results.size()).isEqualTo(50);
            for (int i = 0; i < 50; i++) {
                assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
                assertThat(results.get(i).path("posTransactionId").asString()).isEqualTo("B-" + i);
                assertThat(results.get(i).path("outcome").asString()).isIn("recorded", "duplicate");
            }
        }
        for (int i = 0; i < 50; i++) {
            var one = responses.get(0).body().path("results").get(i);
            var two = responses.get(1).body().path("results").get(i);
            assertThat(Set.of(one.path("outcome").asString(), two.path("outcome").asString()))
                    .as("sale %d: once recorded, once a duplicate", i).containsExactlyInAnyOrder("recorded", "duplicate");
            assertThat(one.path("sale").path("orderId").asString()).isEqualTo(two.path("sale").path("orderId").asString());
        }
        assertThat(salesAt(shop.store())).isEqualTo(50);
        assertThat(posOrdersOf(shop)).isEqualTo(50);
        long expectedPoints = IntStream.range(0, 50).mapToLong(i -> (1000 + 100 * (i % 3)) / 100).sum();
        awaitPoints(shop, customer, expectedPoints);
    }

    @Test
    void aBatchReportsEachBadSaleAsRejectedAndRecordsTheRestInOrder() {
        var shop = shop("半坏批量");
        var bad = new HashMap<>(sale("X-1", 1000, null));
        bad.put("total", 999);
        var first = sale("X-0", 1000, null); // sent again, as a POS resends: the same body, to the millisecond
        var sales = List.<Object>of(first, bad, sale("X-2", 2000, null), first);
        var response = api.post("/api/v1/pos/sales/batch", Map.of("sales", sales), shop.key());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        var results = response.body().path("results");
        assertThat(List.of(results.get(0).path("outcome").asString(), results.get(1).path("outcome").asString(),
                results.get(2).path("outcome").asString(), results.get(3).path("outcome").asString()))
                .containsExactly("recorded", "rejected", "recorded", "duplicate");
        assertThat(results.get(1).path("problem").path("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).path("problem").path("type").asString()).isEqualTo("urn:o2o:problem:invalid-input");
        assertThat(results.get(1).path("sale").isNull()).isTrue();
        assertThat(salesAt(shop.store())).isEqualTo(2);

        var tooMany = IntStream.range(0, 501).mapToObj(i -> (Object) sale("Y-" + i, 1000, null)).toList();
        var refused = api.post("/api/v1/pos/sales/batch", Map.of("sales", tooMany), shop.key());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/pos/sales/batch", Map.of("sales", List.of()), shop.key()).status()).isEqualTo(400);
        assertThat(salesAt(shop.store())).isEqualTo(2);
    }

    @Test
    void aPartialRefundAndAVoidGiveBackExactlyTheirShareOfPointsAndAreIdempotent() {
        var shop = shop("退款店");
        var phone = Fixtures.uniquePhone();
        var customer = member(shop, phone);
        assertThat(api.post("/api/v1/pos/sales", sale("R-1", 10000, Map.of("phone", phone)), shop.key()).status())
                .isEqualTo(201);
        awaitPoints(shop, customer, 100);

        var refund = Map.of("refundId", "RF-1", "amount", 2500);
        var first = api.post("/api/v1/pos/sales/R-1/refunds", refund, shop.key());
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().path("refunded").asLong()).isEqualTo(2500);
        assertThat(first.body().path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        var again = api.post("/api/v1/pos/sales/R-1/refunds", refund, shop.key());
        assertThat(again.body().path("duplicate").asBoolean()).isTrue();
        assertThat(again.body().path("refunded").asLong()).isEqualTo(2500);
        var otherAmount = api.post("/api/v1/pos/sales/R-1/refunds", Map.of("refundId", "RF-1", "amount", 100), shop.key());
        assertThat(otherAmount.status()).isEqualTo(409);
        assertThat(otherAmount.contentType()).startsWith("application/problem+json");
        var tooMuch = api.post("/api/v1/pos/sales/R-1/refunds", Map.of("refundId", "RF-2", "amount", 7501), shop.key());
        assertThat(tooMuch.status()).as(tooMuch.raw()).isEqualTo(409);
        awaitPoints(shop, customer, 75);

        var voided = api.post("/api/v1/pos/sales/R-1/void", null, shop.key());
        assertThat(voided.status()).as(voided.raw()).isEqualTo(200);
        assertThat(voided.body().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(voided.body().path("refunded").asLong()).isEqualTo(10000);
        var voidAgain = api.post("/api/v1/pos/sales/R-1/void", null, shop.key());
        assertThat(voidAgain.status()).isEqualTo(200);
        assertThat(voidAgain.body().path("duplicate").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/pos/sales/R-1/refunds", Map.of("refundId", "RF-3", "amount", 1), shop.key()).status())
                .isEqualTo(409);
        awaitPoints(shop, customer, 0);

        var orderId = UUID.fromString(voided.text("orderId"));
        assertThat(jdbc.sql("select count(*) from order_refund where order_id = :o and offline").param("o", orderId)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from refund where order_id = :o").param("o", orderId)
                .query(Long.class).single()).as("no payment provider involved").isZero();
        assertThat(api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body().path("differences").size())
                .isZero();
    }

    @Test
    void refundsAndVoidsSentAtOnceNeverGiveBackMoreThanTheSale() throws Exception {
        var shop = shop("并发退款");
        var phone = Fixtures.uniquePhone();
        var customer = member(shop, phone);
        api.post("/api/v1/pos/sales", sale("C-1", 10000, Map.of("phone", phone)), shop.key());
        awaitPoints(shop, customer, 100);

        var refunds = Concurrently.atOnce(IntStream.range(0, 10).<Callable<Api.Response>>mapToObj(i -> () ->
                api.post("/api/v1/pos/sales/C-1/refunds", Map.of("refundId", "P-" + i, "amount", 2000), shop.key()))
                .toList());
        assertThat(refunds).extracting(Api.Response::status).containsOnly(200, 409);
        assertThat(refunds.stream().filter(r -> r.status() == 200).count()).isEqualTo(5);
        awaitPoints(shop, customer, 0);

        api.post("/api/v1/pos/sales", sale("C-2", 4000, Map.of("phone", phone)), shop.key());
        awaitPoints(shop, customer, 40);
        var sameRefund = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i -> () ->
                api.post("/api/v1/pos/sales/C-2/refunds", Map.of("refundId", "S-1", "amount", 1000), shop.key()))
                .toList());
        assertThat(sameRefund).extracting(Api.Response::status).containsOnly(200);
        assertThat(sameRefund.stream().filter(r -> !r.body().path("duplicate").asBoolean()).count()).isEqualTo(1);
        var voids = Concurrently.atOnce(IntStream.range(0, 8).<Callable<Api.Response>>mapToObj(i -> () ->
                api.post("/api/v1/pos/sales/C-2/void", null, shop.key())).toList());
        assertThat(voids).extracting(Api.Response::status).containsOnly(200);
        assertThat(voids.stream().filter(r -> !r.body().path("duplicate").asBoolean()).count()).isEqualTo(1);
        assertThat(api.get("/api/v1/pos/sales/C-2", shop.key()).body().path("refunded").asLong()).isEqualTo(4000);
        awaitPoints(shop, customer, 0);
    }

    @Test
    void badInputIsAClearProblemAndRecordsNothing() {
        var shop = shop("坏数据");
        var now = clock.instant();
        List<Function<Map<String, Object>, Map<String, Object>>> breakages = List.of(
                s -> with(s, "total", 999),
                s -> with(s, "total", -1000),
                s -> with(s, "lines", List.of(Map.of("name", "退货", "quantity", 1, "unitPrice", -10, "amount", -10))),
                s -> with(s, "lines", List.of(Map.of("name", "零", "quantity", 0, "unitPrice", 1000, "amount", 1000))),
                s -> with(s, "lines", List.of()),
                s -> with(s, "soldAt", now.plus(Duration.ofMinutes(2)).toString()),
                s -> with(s, "soldAt", now.minus(Duration.ofDays(8)).toString()),
                s -> with(s, "posTransactionId", ""),
                s -> with(s, "paymentMethod", "BITCOIN"),
                s -> with(s, "member", Map.of("phone", "13800000000", "memberQr", "1234")));
        for (var breakage : breakages) {
            var response = api.post("/api/v1/pos/sales", breakage.apply(sale("BAD-1", 1000, null)), shop.key());
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        var notJson = api.postRaw("/api/v1/pos/sales", "{\"total\": \"many\"", "application/json", shop.key());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/pos/sales/NOPE/refunds", Map.of("refundId", "R", "amount", 0), shop.key()).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/pos/sales/NOPE/refunds", Map.of("refundId", "R", "amount", 10), shop.key()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/merchant/stores/" + shop.store() + "/pos-keys", Map.of("name", " "),
                shop.merchant().ownerToken()).status()).isEqualTo(400);
        assertThat(salesAt(shop.store())).isZero();
        assertThat(posOrdersOf(shop)).isZero();
    }

    @Test
    void thePosLooksMembersUpByPhoneOrMemberCode() {
        var shop = shop("查会员");
        var phone = Fixtures.uniquePhone();
        var customer = member(shop, phone);
        api.post("/api/v1/pos/sales", sale("L-1", 5000, Map.of("phone", phone)), shop.key());
        awaitPoints(shop, customer, 50);

        var byPhone = api.get("/api/v1/pos/members?phone=" + phone, shop.key());
        assertThat(byPhone.status()).as(byPhone.raw()).isEqualTo(200);
        assertThat(byPhone.text("phone")).contains("****").isNotEqualTo(phone);
        assertThat(byPhone.body().path("points").asLong()).isEqualTo(50);
        var qr = api.get("/api/v1/me/memberships/" + shop.merchant().id() + "/qr-token", customer).text("token");
        assertThat(api.get("/api/v1/pos/members?memberQr=" + qr, shop.key()).body().path("points").asLong()).isEqualTo(50);

        assertThat(api.get("/api/v1/pos/members?phone=" + Fixtures.uniquePhone(), shop.key()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/pos/members", shop.key()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/pos/members?phone=" + phone + "&memberQr=" + qr, shop.key()).status()).isEqualTo(400);
        var other = shop("别家");
        assertThat(api.get("/api/v1/pos/members?phone=" + phone, other.key()).status())
                .as("a member of one merchant is not found by another's POS").isEqualTo(404);
    }

    @Test
    void anotherMerchantsStaffCanNeitherSeeNorTouchAStoresPosKeys() {
        var a = shop("甲收银");
        var b = shop("乙收银");
        var bKeyId = api.get("/api/v1/merchant/stores/" + b.store() + "/pos-keys", b.merchant().ownerToken()).body()
                .get(0).path("id").asString();
        var victim = new Victim(b.merchant().ownerToken(), Map.of("store", b.store().toString(), "key", bKeyId));
        var readBack = "/api/v1/merchant/stores/{store}/pos-keys";
        List<Function<Victim, Endpoint>> endpoints = List.of(
                v -> Endpoint.of("GET", v.fill(readBack), null, v.fill(readBack)),
                v -> Endpoint.of("POST", v.fill(readBack), Map.of("name", "偷"), v.fill(readBack)),
                v -> Endpoint.of("DELETE", v.fill(readBack + "/{key}"), null, v.fill(readBack)),
                v -> Endpoint.of("DELETE", "/api/v1/merchant/stores/" + a.store() + "/pos-keys/" + v.objects().get("key"),
                        null, v.fill(readBack)));
        var access = new CrossMerchantAccess(api);
        var attackers = new ArrayList<>(List.of(a.merchant().ownerToken(),
                fixtures.staff(a.merchant(), Role.MANAGER, Set.of())));
        for (var attacker : attackers) {
            for (var endpoint : endpoints) access.assertDenied(attacker, victim, endpoint);
        }
        assertThat(api.post("/api/v1/pos/sales", sale("still-works", 1000, null), b.key()).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/merchant/pos/sales", a.merchant().ownerToken()).body().size())
                .as("A sees none of B's sales").isZero();
    }

    private static Map<String, Object> with(Map<String, Object> sale, String field, Object value) {
        var changed = new HashMap<>(sale);
        changed.put(field, value);
        return changed;
    }
}
