package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cases of the hardening issue's attack run, each refused with a 4xx problem that changes nothing. */
class BadInputIntegrationTests extends ApiTest {

    private static final Map<String, String> EN = Map.of("Accept-Language", "en");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNulInTheStaffSignInIsA400() {
        var response = api.send("POST", "/api/v1/auth/staff/login", Map.of("username", "ad\u0000min", "password", "x"),
                null, EN);
        assertProblem(response, 400, "urn:o2o:problem:invalid-input");
        assertThat(response.text("field")).isEqualTo("username");
        assertThat(response.text("detail")).contains("username").contains("control characters");
    }

    @Test
    void aNulInAQueryParameterIsA400AndOnAPageTheErrorPage() throws Exception {
        var response = api.get("/api/v1/stores/nearby?lat=31.2&lng=121.4&q=a%00b");
        assertProblem(response, 400, "urn:o2o:problem:invalid-input");
        assertThat(response.text("field")).isEqualTo("q");

        var http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/?q=a%00b"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"error-status\"");
    }

    /** A form is the page's to validate; one that does not, or a NUL it lets through, is still not a 500. */
    @Test
    void aNulInAPageFormIsNotA500() {
        for (var fields : List.of(Map.of("username", "a\u0000b", "password", "x"),
                Map.of("username", "admin", "password", "a\u0000b"))) {
            var session = new WebSession(port);
            assertThat(session.get("/staff/login").status()).isEqualTo(200);
            var page = session.post("/staff/login", fields);
            assertThat(page.status()).as(fields.toString()).isIn(200, 302, 400);
            assertThat(page.location()).as("not signed in").doesNotEndWith("/merchant");
        }
    }

    @Test
    void moneyWithoutACurrencyOrInAnUnknownOneIsA400() {
        var merchant = fixtures.approvedMerchant(Fixtures.unique("币种"));
        var store = fixtures.store(merchant, Fixtures.unique("币种店"), 31.2, 121.4, "火锅");
        for (var price : List.<Map<String, Object>>of(Map.of("minor", 1000), Map.of("minor", 1000, "currency", ""),
                Map.of("minor", 1000, "currency", "USD"), Map.of("minor", 1000, "currency", "XYZ"))) {
            var body = dealBody(store);
            body.put("price", price);
            var response = api.post("/api/v1/merchant/deals", body, merchant.ownerToken());
            assertProblem(response, 400, "urn:o2o:problem:invalid-input");
            assertThat(response.text("field")).as(price.toString()).isEqualTo("price.currency");
        }
        assertThat(api.get("/api/v1/merchant/deals", merchant.ownerToken()).body().size()).isZero();
    }

    @Test
    void aNullInsideAListIsA400() {
        var merchant = fixtures.approvedMerchant(Fixtures.unique("空值"));
        var store = fixtures.store(merchant, Fixtures.unique("空值店"), 31.2, 121.4, "火锅");
        var body = dealBody(store);
        body.put("storeIds", java.util.Arrays.asList(store, null));
        var response = api.send("POST", "/api/v1/merchant/deals", body, merchant.ownerToken(), EN);
        assertProblem(response, 400, "urn:o2o:problem:invalid-input");
        assertThat(response.text("field")).isEqualTo("storeIds[1]");
        assertThat(response.text("detail")).isEqualTo("storeIds[1] must not be null");
    }

    @Test
    void anAbsurdPriceIsRefusedAtDealCreation() {
        var merchant = fixtures.approvedMerchant(Fixtures.unique("天价"));
        var store = fixtures.store(merchant, Fixtures.unique("天价店"), 31.2, 121.4, "火锅");
        var body = dealBody(store);
        body.put("price", Map.of("minor", Long.MAX_VALUE, "currency", "CNY"));
        var huge = api.send("POST", "/api/v1/merchant/deals", body, merchant.ownerToken(), EN);
        assertProblem(huge, 400, "urn:o2o:problem:invalid-input");
        assertThat(huge.text("detail")).isEqualTo("price.minor must be at most 1000000000000.00");

        body.put("price", Map.of("minor", Money.MAX_PRICE_MINOR + 1, "currency", "CNY"));
        body.put("originalPrice", Map.of("minor", Money.MAX_PRICE_MINOR + 1, "currency", "CNY"));
        var overCeiling = api.send("POST", "/api/v1/merchant/deals", body, merchant.ownerToken(), EN);
        assertProblem(overCeiling, 400, "urn:o2o:problem:invalid-input");
        assertThat(overCeiling.text("detail")).isEqualTo("price must be at most 1000000.00");
        assertThat(api.get("/api/v1/merchant/deals", merchant.ownerToken()).body().size()).isZero();
    }

    /** A deal priced before the ceiling existed: ordering two units would overflow a long. */
    @Test
    void anOrderWhoseTotalOverflowsIsA422AndLeavesNoOrder() {
        var merchant = fixtures.approvedMerchant(Fixtures.unique("溢出"));
        var store = fixtures.store(merchant, Fixtures.unique("溢出店"), 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 1000, 100, false, "ANYTIME");
        jdbc.sql("update deal set price_minor = :max, original_price_minor = :max where id = :id")
                .param("max", Long.MAX_VALUE).param("id", deal).update();
        var customer = fixtures.customerToken(Fixtures.uniquePhone());

        var response = fixtures.order(customer, deal, 2);
        assertProblem(response, 422, "urn:o2o:problem:amount-too-large");
        assertThat(api.get("/api/v1/me/orders", customer).body().size()).isZero();
        assertThat(jdbc.sql("select stock_left from deal where id = :id").param("id", deal).query(Integer.class)
                .single()).as("the reservation was rolled back").isEqualTo(100);
    }

    @Test
    void aFractionalQuantityIsA400NamingTheField() {
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var response = api.send("POST", "/api/v1/orders",
                "{\"dealId\":\"" + UUID.randomUUID() + "\",\"quantity\":1.5}", customer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", "en"));
        assertProblem(response, 400, "urn:o2o:problem:invalid-input");
        assertThat(response.text("detail")).isEqualTo("quantity must be a whole number");
    }

    @Test
    void aDateFarInTheFutureOnACouponIsA400() {
        var merchant = fixtures.approvedMerchant(Fixtures.unique("远期"));
        var now = Instant.now();
        for (var until : List.of("+275760-09-13T00:00:00Z", "9999-12-31T23:59:59Z")) {
            var response = api.post("/api/v1/merchant/coupons", Map.of("title", "立减", "kind", "AMOUNT_OFF",
                    "amountOff", Map.of("minor", 500, "currency", "CNY"),
                    "minSpend", Map.of("minor", 1000, "currency", "CNY"), "totalQuantity", 100,
                    "perCustomerLimit", 1, "validFrom", now.toString(), "validUntil", until), merchant.ownerToken());
            assertProblem(response, 400, "urn:o2o:problem:invalid-input");
            assertThat(response.text("field")).isEqualTo("validUntil");
        }
    }

    @Test
    void wrongKindsOfValuesAreNamedInPlainWordsNotJavaTypes() {
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var english = Map.of("Accept-Language", "en");
        var path = api.send("GET", "/api/v1/stores/not-a-uuid", null, null, english);
        assertProblem(path, 400, "urn:o2o:problem:invalid-input");
        assertThat(path.text("detail")).isEqualTo("id must be a UUID");

        var body = api.send("POST", "/api/v1/orders", "{\"dealId\":\"nope\",\"quantity\":1}", customer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", "en"));
        assertProblem(body, 400, "urn:o2o:problem:invalid-input");
        assertThat(body.text("detail")).isEqualTo("dealId must be a UUID");

        var notJson = api.postRaw("/api/v1/auth/otp", "{\"phone\":", "application/json", null);
        assertProblem(notJson, 400, "urn:o2o:problem:unreadable-body");

        var chinese = api.send("POST", "/api/v1/orders", "{\"dealId\":\"nope\",\"quantity\":1}", customer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(chinese.text("detail")).isEqualTo("dealId 必须是 UUID");
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).as(response.raw()).isEqualTo(type);
        assertThat(ApiFuzzIntegrationTests.JAVA_WORDS.matcher(response.raw()).find()).as(response.raw()).isFalse();
    }

    private static HashMap<String, Object> dealBody(UUID store) {
        var now = Instant.now();
        return new HashMap<>(Map.of("title", "双人套餐", "price", Map.of("minor", 1000, "currency", "CNY"),
                "storeIds", List.of(store), "saleStartsAt", now.toString(),
                "saleEndsAt", now.plus(Duration.ofDays(7)).toString(), "validFrom", now.toString(),
                "validUntil", now.plus(Duration.ofDays(30)).toString(), "refundPolicy", "ANYTIME"));
    }
}
