package o2o.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import o2o.identity.Role;
import org.awaitility.Awaitility;

/** Sets up the world a test needs through the public API, the way a real merchant or customer would. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, String> OPERATOR_TOKENS = new ConcurrentHashMap<>();
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    public record MerchantFixture(UUID id, String ownerUsername, String ownerToken) {}

    public static String unique(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    public static String uniquePhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Signed in once per test run: the operator's sign-ins count against the per-username rate limit. */
    public String operatorToken() {
        return OPERATOR_TOKENS.computeIfAbsent(api.base(), base -> staffToken("operator", "operator-pass"));
    }

    public String staffToken(String username, String password) {
        var response = api.post("/api/v1/auth/staff/login", Map.of("username", username, "password", password));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.text("token");
    }

    /** A merchant that applied and was approved, with its owner signed in. */
    public MerchantFixture approvedMerchant(String name) {
        var merchant = pendingMerchant(name);
        var approved = api.post("/api/v1/admin/merchants/" + merchant.id() + "/approve", null, operatorToken());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        return merchant;
    }

    public MerchantFixture pendingMerchant(String name) {
        var username = unique("owner");
        var applied = api.post("/api/v1/merchant-applications", Map.of(
                "name", name, "category", "火锅", "contactName", "测试", "contactPhone", uniquePhone(),
                "ownerUsername", username, "ownerPassword", "password-1"));
        assertThat(applied.status()).as(applied.raw()).isEqualTo(201);
        return new MerchantFixture(UUID.fromString(applied.text("id")), username, staffToken(username, "password-1"));
    }

    public UUID store(MerchantFixture merchant, String name, double lat, double lng, String category) {
        var created = api.post("/api/v1/merchant/stores", storeBody(name, lat, lng, category), merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    public static Map<String, Object> storeBody(String name, double lat, double lng, String category) {
        return Map.of("name", name, "address", "测试路1号", "city", "上海", "lat", lat, "lng", lng,
                "category", category, "openingHours", Map.of("MONDAY", List.of("00:00-00:00")),
                "tags", List.of("测试"));
    }

    /** A deal on sale now at these stores, valid for a month. */
    public UUID deal(MerchantFixture merchant, Set<UUID> stores, long priceMinor, Integer stock, boolean flashSale,
            String refundPolicy) {
        var now = Instant.now();
        var body = new HashMap<String, Object>(Map.of("title", unique("双人套餐"),
                "description", "两荤一素", "includes", List.of("招牌红烧肉", "时蔬", "米饭 x2"),
                "price", Map.of("minor", priceMinor, "currency", "CNY"),
                "originalPrice", Map.of("minor", priceMinor * 2, "currency", "CNY"),
                "storeIds", stores, "saleStartsAt", now.minusSeconds(60).toString(),
                "saleEndsAt", now.plus(Duration.ofDays(7)).toString(),
                "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plus(Duration.ofDays(30)).toString()));
        body.put("refundPolicy", refundPolicy);
        body.put("flashSale", flashSale);
        if (stock != null) body.put("stock", stock);
        var created = api.post("/api/v1/merchant/deals", body, merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** Places an order with a fresh idempotency key. */
    public Api.Response order(String customerToken, UUID dealId, int quantity) {
        return api.send("POST", "/api/v1/orders", Map.of("dealId", dealId, "quantity", quantity), customerToken,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** Pays an order the way a customer does: start a sandbox payment and confirm on the gateway's page. */
    public void pay(String customerToken, String orderId, boolean confirm) {
        payOnSandbox("/api/v1/orders/" + orderId + "/payments", customerToken, confirm);
    }

    /**
     * Starts a sandbox payment at {@code paymentsPath} (a deal order's, a pick-up's, a delivery's, a mall cart's) and
     * confirms it (or fails it) on the gateway's page, as the customer does.
     */
    public void payOnSandbox(String paymentsPath, String customerToken, boolean confirm) {
        var payment = api.post(paymentsPath, Map.of("provider", "sandbox"), customerToken);
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        var redirect = payment.text("redirectUrl");
        var session = new WebSession(port());
        assertThat(session.get(redirect).status()).isEqualTo(200);
        var done = session.post(redirect + (confirm ? "/confirm" : "/fail"), Map.of());
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
    }

    /** The customer's vouchers once the asynchronous payment chain (webhook, order paid, vouchers) is through. */
    public tools.jackson.databind.JsonNode vouchersOf(String customerToken, int expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/me/vouchers", customerToken).body(), body -> body.size() >= expected);
    }

    private int port() {
        return Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1));
    }

    /** Hires a staff member through the owner and signs them in. */
    public String staff(MerchantFixture merchant, Role role, Set<UUID> stores) {
        var username = unique(role.name().toLowerCase());
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", username, "password", "password-1",
                "displayName", "员工", "role", role.name(), "storeIds", stores), merchant.ownerToken());
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        return staffToken(username, "password-1");
    }

    /** Signs a customer in the way a phone would: ask for a code, read the SMS, send the code back. */
    public String customerToken(String phone) {
        var sent = api.post("/api/v1/auth/otp", Map.of("phone", phone));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
        var code = latestCode(phone);
        var verified = api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code));
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        return verified.text("token");
    }

    /**
     * A customer who signed in with WeChat through the API the first time: the code exchange says a phone is needed,
     * the phone's SMS code comes back with the WeChat ticket, and the account is bound. Returns the customer token.
     */
    public String wechatCustomer(FakeWechat wechat, FakeWechat.User user, String phone) {
        var asked = api.post("/api/v1/auth/wechat", Map.of("code", wechat.codeFor(user, "snsapi_base")));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(403);
        assertThat(api.post("/api/v1/auth/otp", Map.of("phone", phone)).status()).isEqualTo(202);
        var verified = api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", latestCode(phone),
                "wechatTicket", asked.text("wechatTicket")));
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        return verified.text("token");
    }

    /** Texts to this phone, newest first, from the development inbox. */
    public java.util.List<String> texts(String phone) {
        var inbox = api.get("/api/v1/dev/inbox?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        var bodies = new java.util.ArrayList<String>();
        inbox.body().forEach(m -> bodies.add(m.path("body").asString()));
        return bodies;
    }

    /** The code in the newest SMS to this phone, from the development inbox. */
    public String latestCode(String phone) {
        // the relay hands messages on every 100 ms in tests; a loaded CI machine may stall it for seconds
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            var inbox = api.get("/api/v1/dev/inbox?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
            if (inbox.status() != 200 || inbox.body().isEmpty()) return null;
            var matcher = CODE.matcher(inbox.body().get(0).path("body").asString());
            return matcher.find() ? matcher.group(1) : null;
        }, code -> code != null);
    }
}
