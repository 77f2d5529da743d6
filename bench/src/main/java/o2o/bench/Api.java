package o2o.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The product's public API, as the bench's clients use it, plus the set-up a scenario needs. */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("(\\d{6})");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final long PHONE_BASE = java.util.concurrent.ThreadLocalRandom.current().nextLong(90_000_000L);

    record Response(int status, JsonNode body, String raw, HttpResponse<String> http) {}

    record Merchant(String id, String ownerToken, String storeId) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<String> bases;
    private final AtomicInteger next = new AtomicInteger();

    Api(String base) {
        this(List.of(base));
    }

    /**
     * The application on several nodes over one database: each request goes to the next node in turn, as a
     * round-robin balancer without sticky sessions would send it, so no step may count on landing where the last did.
     */
    Api(List<String> bases) {
        this.bases = List.copyOf(bases);
    }

    private String base() {
        return bases.size() == 1 ? bases.getFirst() : bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
    }

    Response get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET().build());
    }

    /** Only the status: the load generator shares the machine, so it does not parse bodies it does not need. */
    int status(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    int postStatus(String path, Object body, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    Response post(String path, Object body, String token, Map<String, String> headers)
            throws IOException, InterruptedException {
        var builder = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    Response post(String path, Object body, String token) throws IOException, InterruptedException {
        return post(path, body, token, Map.of());
    }

    /** A body that is not JSON (a CSV file, say) as it is. */
    Response postText(String path, String body, String contentType, String token)
            throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any method, a JSON body or none, and the caller's own headers (a diner's cookie instead of a token). */
    Response call(String method, String path, Object body, String token, Map<String, String> headers)
            throws IOException, InterruptedException {
        var builder = request(path, token).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) builder.header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /**
     * Scans a table's QR code as a signed-out phone does ({@code GET /t/{code}}); the diner cookie the scan leaves,
     * as a Cookie header value, or null when none was set.
     */
    String scan(String code) throws IOException, InterruptedException {
        var scanned = http.send(request("/t/" + code, null).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (scanned.statusCode() >= 400) {
            throw new IllegalStateException("scan of " + code + ": " + scanned.statusCode());
        }
        return scanned.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("o2o_diner=")).map(c -> c.split(";", 2)[0]).findFirst().orElse(null);
    }

    Response put(String path, Object body, String token) throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Places an order for one unit (or more) with a fresh idempotency key. */
    Response order(String customer, String dealId, int quantity) throws IOException, InterruptedException {
        return post("/api/v1/orders", Map.of("dealId", dealId, "quantity", quantity), customer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /**
     * Pays an order with the sandbox gateway the way a phone does: start the payment, open the gateway's page
     * (its cookies and the CSRF token from it), and press confirm. True when the gateway took the confirmation.
     */
    boolean payWithSandbox(String customer, String orderId) throws IOException, InterruptedException {
        return payOnSandbox(customer, "/api/v1/orders/" + orderId + "/payments");
    }

    /** The same, starting the payment at another endpoint of the same shape (a delivery order's). */
    boolean payOnSandbox(String customer, String paymentsPath) throws IOException, InterruptedException {
        var payment = post(paymentsPath, Map.of("provider", "sandbox"), customer);
        if (payment.status() != 201) return false;
        var redirect = payment.body().path("redirectUrl").asString();
        var page = http.send(HttpRequest.newBuilder(URI.create(base() + redirect)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // the page's cookies: its session, if it made one, and the CSRF token's
        var cookie = page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
        var csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) return false;
        var confirm = http.send(HttpRequest.newBuilder(URI.create(base() + redirect + "/confirm"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1),
                                StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return confirm.statusCode() == 302;
    }

    /** Staff or operator sign-in. */
    String staffToken(String username, String password) throws IOException, InterruptedException {
        var login = post("/api/v1/auth/staff/login", Map.of("username", username, "password", password), null);
        if (login.status() != 200) throw new IllegalStateException("sign-in of " + username + " failed: " + login.raw());
        return login.body().path("token").asString();
    }

    /** A fresh merchant, approved, with one store at the city centre. */
    Merchant merchant(String operator) throws IOException, InterruptedException {
        var n = SEQUENCE.incrementAndGet();
        var owner = "bench-owner-" + System.nanoTime() % 1_000_000_000L + "-" + n;
        var applied = post("/api/v1/merchant-applications", Map.of("name", "压测餐厅" + n, "category", "火锅",
                "contactName", "压测", "contactPhone", phone(), "ownerUsername", owner, "ownerPassword", "bench-pass-1"),
                null);
        expect(applied, 201);
        var id = applied.body().path("id").asString();
        expect(post("/api/v1/admin/merchants/" + id + "/approve", Map.of(), operator), 200);
        var token = staffToken(owner, "bench-pass-1");
        return new Merchant(id, token, store(token, n));
    }

    /** One more store of the owner's merchant at the city centre, open around the clock; its id. */
    String store(Merchant merchant) throws IOException, InterruptedException {
        return store(merchant.ownerToken(), SEQUENCE.incrementAndGet());
    }

    private String store(String ownerToken, int n) throws IOException, InterruptedException {
        var hours = Map.of("MONDAY", List.of("00:00-00:00"), "TUESDAY", List.of("00:00-00:00"),
                "WEDNESDAY", List.of("00:00-00:00"), "THURSDAY", List.of("00:00-00:00"),
                "FRIDAY", List.of("00:00-00:00"), "SATURDAY", List.of("00:00-00:00"), "SUNDAY", List.of("00:00-00:00"));
        var store = post("/api/v1/merchant/stores", Map.of("name", "压测店" + n, "address", "人民大道1号", "city", "上海",
                "lat", 31.2304, "lng", 121.4737, "category", "火锅", "openingHours", hours), ownerToken);
        expect(store, 201);
        return store.body().path("id").asString();
    }

    /** A POS API key for one of the owner's stores; the full key, which is shown only in this answer. */
    String posKey(Merchant merchant, String storeId) throws IOException, InterruptedException {
        var created = post("/api/v1/merchant/stores/" + storeId + "/pos-keys", Map.of("name", "压测收银机"),
                merchant.ownerToken());
        expect(created, 201);
        return created.body().path("secret").asString();
    }

    String deal(Merchant merchant, long priceMinor, Integer stock, boolean flashSale) throws IOException, InterruptedException {
        var now = Instant.now();
        var body = new HashMap<String, Object>(Map.of("title", "压测套餐", "price",
                Map.of("minor", priceMinor, "currency", "CNY"), "storeIds", Set.of(merchant.storeId()),
                "saleStartsAt", now.minusSeconds(60).toString(), "saleEndsAt", now.plus(Duration.ofDays(1)).toString(),
                "validFrom", now.minusSeconds(60).toString(), "validUntil", now.plus(Duration.ofDays(30)).toString(),
                "refundPolicy", "ANYTIME", "flashSale", flashSale));
        if (stock != null) body.put("stock", stock);
        var deal = post("/api/v1/merchant/deals", body, merchant.ownerToken());
        expect(deal, 201);
        return deal.body().path("id").asString();
    }

    String cashier(Merchant merchant) throws IOException, InterruptedException {
        var username = "bench-cashier-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
        expect(post("/api/v1/merchant/staff", Map.of("username", username, "password", "bench-pass-1",
                "displayName", "收银", "role", "CASHIER", "storeIds", List.of(merchant.storeId())),
                merchant.ownerToken()), 201);
        return staffToken(username, "bench-pass-1");
    }

    /** A courier (role COURIER) of the merchant's store, signed in. */
    String courier(Merchant merchant) throws IOException, InterruptedException {
        var username = "bench-courier-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
        expect(post("/api/v1/merchant/staff", Map.of("username", username, "password", "bench-pass-1",
                "displayName", "骑手", "role", "COURIER", "storeIds", List.of(merchant.storeId())),
                merchant.ownerToken()), 201);
        return staffToken(username, "bench-pass-1");
    }

    /** Signs in {@code count} customers with SMS codes read from the development inbox, 16 at a time. */
    List<String> customers(int count) throws Exception {
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < count; i++) tasks.add(this::customer);
        try (var pool = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
            var tokens = new ArrayList<String>();
            for (var future : pool.invokeAll(tasks)) tokens.add(future.get());
            return tokens;
        }
    }

    /** A signed-in customer and their phone number, which the counter looks them up by. */
    record Member(String phone, String token) {}

    /** Signs in {@code count} members, 16 at a time. */
    List<Member> members(int count) throws Exception {
        var tasks = new ArrayList<Callable<Member>>();
        for (int i = 0; i < count; i++) {
            tasks.add(() -> {
                var phone = phone();
                return new Member(phone, customer(phone));
            });
        }
        try (var pool = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
            var members = new ArrayList<Member>();
            for (var future : pool.invokeAll(tasks)) members.add(future.get());
            return members;
        }
    }

    String customer() throws IOException, InterruptedException {
        return customer(phone());
    }

    private String customer(String phone) throws IOException, InterruptedException {
        expect(post("/api/v1/auth/otp", Map.of("phone", phone), null), 202);
        for (int attempt = 0; attempt < 100; attempt++) {
            var inbox = get("/api/v1/dev/inbox?phone=" + phone, null);
            if (inbox.status() == 200 && inbox.body().size() > 0) {
                var matcher = CODE.matcher(inbox.body().get(0).path("body").asString());
                if (matcher.find()) {
                    var verified = post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", matcher.group(1)), null);
                    expect(verified, 200);
                    return verified.body().path("token").asString();
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no SMS code arrived for " + phone + " (is the dev inbox on?)");
    }

    /** Distinct mainland numbers within a run: a random start, then one after another. */
    static String phone() {
        return "139" + String.format("%08d", PHONE_BASE + SEQUENCE.incrementAndGet());
    }

    static void expect(Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.status() + ": " + response.raw());
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return builder;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            body = JSON.missingNode();
        }
        return new Response(response.statusCode(), body, response.body(), response);
    }
}
