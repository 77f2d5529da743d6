package o2o.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MerchantOnboardingIntegrationTests extends ApiTest {


    @Test
    void aMerchantAppliesTheOperatorApprovesAndTheApplicantIsTexted() {
        var phone = Fixtures.uniquePhone();
        var username = Fixtures.unique("boss");
        var applied = api.post("/api/v1/merchant-applications", Map.of("name", "阿婆生煎", "category", "快餐",
                "contactName", "阿婆", "contactPhone", phone, "ownerUsername", username, "ownerPassword", "secret-123"));
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.text("status")).isEqualTo("PENDING");
        var id = applied.text("id");

        var operator = fixtures.operatorToken();
        var pending = api.get("/api/v1/admin/merchants?status=PENDING&limit=100", operator);
        assertThat(pending.body().path("items").valueStream().map(m -> m.path("id").asString())).contains(id);

        var owner = fixtures.staffToken(username, "secret-123");
        assertThat(api.get("/api/v1/merchant/profile", owner).text("status")).isEqualTo("PENDING");

        var approved = api.post("/api/v1/admin/merchants/" + id + "/approve", null, operator);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("decidedAt")).isNotBlank();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/dev/inbox?phone=" + phone).body().valueStream()
                        .map(m -> m.path("body").asString())).anyMatch(body -> body.contains("通过")));
    }

    @Test
    void anApplicationIsDecidedOnce() {
        var merchant = fixtures.pendingMerchant("只审一次");
        var operator = fixtures.operatorToken();
        var reject = api.post("/api/v1/admin/merchants/" + merchant.id() + "/reject", Map.of("reason", "证照不全"), operator);
        assertThat(reject.status()).isEqualTo(200);
        assertThat(reject.text("rejectionReason")).isEqualTo("证照不全");

        var approve = api.post("/api/v1/admin/merchants/" + merchant.id() + "/approve", null, operator);
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.text("type")).isEqualTo("urn:o2o:problem:merchant-already-decided");
        assertThat(api.get("/api/v1/admin/merchants/" + merchant.id(), operator).text("status")).isEqualTo("REJECTED");
    }

    @Test
    void aRejectionNeedsAReasonAndAnUnknownMerchantIsNotFound() {
        var merchant = fixtures.pendingMerchant("缺理由");
        var operator = fixtures.operatorToken();
        assertThat(api.post("/api/v1/admin/merchants/" + merchant.id() + "/reject", Map.of("reason", ""), operator)
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/merchants/" + merchant.id(), operator).text("status")).isEqualTo("PENDING");
        var unknown = api.post("/api/v1/admin/merchants/01a20d40-0000-7000-8000-000000000000/approve", null, operator);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/merchants/not-a-uuid", operator).status()).isEqualTo(400);
    }

    @Test
    void applicationsAreValidatedAndUsernamesAreUnique() {
        var invalid = api.post("/api/v1/merchant-applications", Map.of("name", "", "category", "火锅",
                "contactName", "x", "contactPhone", "13900000000", "ownerUsername", "a b", "ownerPassword", "short"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body().path("errors").valueStream().map(e -> e.path("field").asString()))
                .contains("name", "ownerUsername", "ownerPassword");

        var taken = fixtures.pendingMerchant("先来的");
        var duplicate = api.post("/api/v1/merchant-applications", Map.of("name", "后到的", "category", "火锅",
                "contactName", "x", "contactPhone", Fixtures.uniquePhone(), "ownerUsername", taken.ownerUsername(),
                "ownerPassword", "password-1"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("type")).isEqualTo("urn:o2o:problem:username-taken");
    }

    @Test
    void ownersOpenAndEditStoresWithOpeningHoursInTheStoresTimeZone() {
        var merchant = fixtures.approvedMerchant("编辑门店");
        var store = fixtures.store(merchant, "初始名", 31.2, 121.4, "火锅");
        var update = Map.ofEntries(Map.entry("name", "新名字"), Map.entry("address", "新地址 8 号"),
                Map.entry("city", "上海"), Map.entry("lat", 31.21), Map.entry("lng", 121.41),
                Map.entry("phone", "021-12345678"), Map.entry("timeZone", "Asia/Shanghai"),
                Map.entry("openingHours", Map.of("FRIDAY", List.of("18:00-02:00"),
                        "SATURDAY", List.of("10:00-14:00", "17:00-23:00"))),
                Map.entry("serviceRadiusMeters", 6000), Map.entry("category", "烧烤"), Map.entry("tags", List.of("夜宵")),
                Map.entry("photos", List.of("https://img.example/a.jpg")));
        // read once, so the node remembers it: the edit must show at once all the same
        assertThat(api.get("/api/v1/stores/" + store).text("name")).isEqualTo("初始名");
        var updated = api.put("/api/v1/merchant/stores/" + store, update, merchant.ownerToken());
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);

        var shown = api.get("/api/v1/stores/" + store);
        assertThat(shown.text("name")).isEqualTo("新名字");
        assertThat(shown.body().path("openingHours").path("SATURDAY").valueStream().map(n -> n.asString()))
                .containsExactly("10:00-14:00", "17:00-23:00");
        assertThat(shown.body().path("openingHours").has("MONDAY")).isFalse();
        assertThat(shown.body().path("serviceRadiusMeters").asInt()).isEqualTo(6000);
        assertThat(shown.body().path("photos").get(0).asString()).isEqualTo("https://img.example/a.jpg");
    }

    @Test
    void badStoreInputIsRejectedAndChangesNothing() {
        var merchant = fixtures.approvedMerchant("坏输入");
        var store = fixtures.store(merchant, "原样", 31.2, 121.4, "火锅");
        for (var bad : List.<Map<String, Object>>of(
                Map.of("name", "x", "address", "a", "city", "c", "lat", 95, "lng", 121, "category", "火锅"),
                Map.of("name", "", "address", "a", "city", "c", "lat", 31, "lng", 121, "category", "火锅"),
                Map.of("name", "x", "address", "a", "city", "c", "lat", 31, "lng", 121, "category", "火锅",
                        "openingHours", Map.of("MONDAY", List.of("nine to five"))),
                Map.of("name", "x", "address", "a", "city", "c", "lat", 31, "lng", 121, "category", "火锅",
                        "timeZone", "Mars/Olympus"),
                Map.of("name", "x", "address", "a", "city", "c", "lat", 31, "lng", 121, "category", "火锅",
                        "photos", List.of("javascript:alert(1)")),
                Map.of("name", "x", "address", "a", "city", "c", "lat", 31, "lng", 121, "category", "火锅",
                        "serviceRadiusMeters", -1))) {
            var response = api.put("/api/v1/merchant/stores/" + store, bad, merchant.ownerToken());
            assertThat(response.status()).as(bad.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/merchant/stores/" + store, merchant.ownerToken()).text("name")).isEqualTo("原样");
        var notJson = api.send("PUT", "/api/v1/merchant/stores/" + store, "[1,2", merchant.ownerToken());
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void onlyOwnersAndManagersEditAndStoreScopedStaffSeeOnlyTheirStores() {
        var merchant = fixtures.approvedMerchant("分店权限");
        var first = fixtures.store(merchant, "一店", 31.2, 121.4, "火锅");
        var second = fixtures.store(merchant, "二店", 31.3, 121.5, "火锅");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(first));
        var storeManager = fixtures.staff(merchant, Role.MANAGER, Set.of(first));

        assertThat(api.get("/api/v1/merchant/stores", cashier).body().valueStream().map(s -> s.path("id").asString()))
                .containsExactly(first.toString());
        assertThat(api.get("/api/v1/merchant/stores/" + second, cashier).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/merchant/stores/" + first, Fixtures.storeBody("收银改名", 31.2, 121.4, "火锅"),
                cashier).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/merchant/stores/" + first, Fixtures.storeBody("店长改名", 31.2, 121.4, "火锅"),
                storeManager).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/merchant/stores/" + second, Fixtures.storeBody("越权", 31.2, 121.4, "火锅"),
                storeManager).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/merchant/stores", Fixtures.storeBody("开新店", 31.2, 121.4, "火锅"), storeManager)
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/stores/" + second, merchant.ownerToken()).text("name")).isEqualTo("二店");
        assertThat(api.get("/api/v1/merchant/staff", cashier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/staff", merchant.ownerToken()).body().size()).isEqualTo(3);
    }
}
