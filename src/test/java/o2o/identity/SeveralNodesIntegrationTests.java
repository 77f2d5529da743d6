package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import o2o.identity.security.SignInFailures;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.SecondNode;
import o2o.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * Two nodes of the application on one database, as behind a load balancer: a page session made on one holds on the
 * other and ends on both when its holder signs out or is disabled; rate limits and the sign-in back-off count the
 * requests of both; and requests that need no session (API calls, a browsing visitor) neither make nor load one.
 */
class SeveralNodesIntegrationTests extends ApiTest {

    private static final String LOGIN = "/api/v1/auth/staff/login";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private static SecondNode second;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignInFailures signInFailures;

    Api secondApi;
    MerchantFixture merchant;

    @BeforeEach
    void twoNodes() {
        if (second == null) second = SecondNode.over(dataSource);
        secondApi = new Api(second.port());
        merchant = fixtures.approvedMerchant("两台节点");
    }

    @AfterEach
    void secondNodesClockBack() {
        second.clock().reset();
    }

    @AfterAll
    static void stopSecondNode() {
        if (second != null) second.close();
        second = null;
    }

    @Test
    void aConsoleSignInOnOneNodeHoldsOnTheOtherUntilItsHolderSignsOut() {
        var onFirst = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        var onSecond = onFirst.onNode(second.port());

        assertThat(onSecond.get("/merchant").status()).as("a console page on the other node").isEqualTo(200);
        var cashier = Fixtures.unique("cashier");
        var added = onSecond.post("/merchant/staff", Map.of("username", cashier, "password", "password-1",
                "displayName", "小王", "role", "CASHIER"));
        assertThat(added.status()).as("a form post, its CSRF token from the other node's page").isEqualTo(302);
        assertThat(onFirst.get("/merchant/staff").body()).as("the flash message, read back on the first node")
                .contains(cashier);

        var out = onFirst.post("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        var after = onSecond.get("/merchant");
        assertThat(after.status()).as("signed out on the first node: refused on the second").isEqualTo(302);
        assertThat(after.location()).as("to a sign-in page").matches(".*/(staff/login|signin)$");
    }

    @Test
    void disablingAnAccountEndsItsSessionsOnEveryNodeAtOnce() {
        var cashier = Fixtures.unique("cashier");
        var added = api.post("/api/v1/merchant/staff", Map.of("username", cashier, "password", "password-1",
                "displayName", "小李", "role", "CASHIER"), merchant.ownerToken());
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        var phone = new WebSession(port).signInAsStaff(cashier, "password-1");
        var till = new WebSession(second.port()).signInAsStaff(cashier, "password-1");
        assertThat(phone.onNode(second.port()).get("/merchant").status()).isEqualTo(200);
        assertThat(till.onNode(port).get("/merchant").status()).isEqualTo(200);
        assertThat(sessionsOf(cashier)).isEqualTo(2);

        var disabled = secondApi.post("/api/v1/merchant/staff/" + added.text("id") + "/disable", null,
                merchant.ownerToken());
        assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);

        assertThat(sessionsOf(cashier)).as("deleted, not left to expire").isZero();
        assertThat(phone.get("/merchant").status()).isEqualTo(302);
        assertThat(till.get("/merchant").status()).isEqualTo(302);
    }

    @Test
    void anSmsCodeLimitCountsTheAttemptsMadeOnEveryNode() {
        var phone = Fixtures.uniquePhone();
        assertThat(api.post("/api/v1/auth/otp", Map.of("phone", phone)).status()).isEqualTo(202);
        // 10 tries per phone and 15 minutes (OneTimeCodes): five on each node, all heard
        for (int i = 0; i < 10; i++) {
            var node = i % 2 == 0 ? api : secondApi;
            var tried = node.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", "000000"));
            assertThat(tried.status()).as("try %d: %s", i + 1, tried.raw()).isNotEqualTo(429);
        }
        assertThat(api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", "000000")).status())
                .as("the eleventh, on the first node").isEqualTo(429);
        assertThat(secondApi.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", "000000")).status())
                .as("and on the second").isEqualTo(429);
    }

    @Test
    void wrongPasswordsOnBothNodesShareOneBackOff() {
        clock.freeze();
        second.clock().freeze();
        var owner = merchant.ownerUsername();
        var address = newAddress();
        // five free failures, on both nodes in turn, and a sixth on the first: the next try waits a second
        for (int i = 0; i < 6; i++) {
            var node = i % 2 == 0 ? api : secondApi;
            assertThat(signIn(node, owner, "guess", address).status()).as("failure %d", i + 1).isEqualTo(401);
        }
        var refused = signIn(secondApi, owner, "guess", address);
        assertThat(refused.status()).as("the seventh, on the second node").isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(signIn(secondApi, owner, "password-1", address).status()).as("even the right password")
                .isEqualTo(429);
        assertThat(signIn(api, owner, "password-1", address).status()).as("and on the first node").isEqualTo(429);

        clock.advance(Duration.ofSeconds(1));
        second.clock().advance(Duration.ofSeconds(1));
        assertThat(signIn(secondApi, owner, "password-1", address).status()).isEqualTo(200);
        assertThat(failures("pair:" + address + ' ' + owner)).as("the success cleared them").isNull();
        assertThat(signIn(api, owner, "guess", address).status()).isEqualTo(401);
    }

    @Test
    void parallelGuessesOnBothNodesAreEachCountedOnce() throws Exception {
        clock.freeze();
        second.clock().freeze();
        var username = Fixtures.unique("nobody");
        var address = newAddress();
        var statuses = Concurrently.atOnce(IntStream.range(0, 24)
                .<Callable<Integer>>mapToObj(i -> () -> signIn(i % 2 == 0 ? api : secondApi, username,
                        "guess-" + i, address).status())
                .toList());
        // each try is counted when it starts, on whichever node: five free failures, the sixth sets a wait
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(6);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(18);
        assertThat(failures("pair:" + address + ' ' + username)).isEqualTo(6);
        assertThat(failures("client:" + address)).as("a refused try is taken back").isEqualTo(6);

        // one client, many accounts: 20 free failures and a 21st, however many arrive at once on both nodes
        var spread = newAddress();
        var many = Concurrently.atOnce(IntStream.range(0, 40)
                .<Callable<Integer>>mapToObj(i -> () -> signIn(i % 2 == 0 ? api : secondApi,
                        Fixtures.unique("nobody"), "guess", spread).status())
                .toList());
        assertThat(many).filteredOn(s -> s == 401).hasSize(21);
        assertThat(many).filteredOn(s -> s == 429).hasSize(19);
        assertThat(failures("client:" + spread)).isEqualTo(21);
    }

    @Test
    void failureCountsAreDeletedAnHourAfterTheirLatestFailure() {
        clock.freeze();
        var username = Fixtures.unique("nobody");
        var address = newAddress();
        assertThat(signIn(api, username, "guess", address).status()).isEqualTo(401);
        // the job itself, past its lock (which its first scheduled run holds)
        SignInFailures job = AopTestUtils.getUltimateTargetObject(signInFailures);

        clock.advance(Duration.ofMinutes(59));
        job.removeExpired();
        assertThat(failures("pair:" + address + ' ' + username)).isEqualTo(1);
        assertThat(failures("client:" + address)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        job.removeExpired();
        assertThat(failures("pair:" + address + ' ' + username)).isNull();
        assertThat(failures("client:" + address)).isNull();
    }

    @Test
    void requestsThatNeedNoSessionNeitherMakeNorLoadOne() throws Exception {
        var before = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        var browsing = new WebSession(port);
        assertThat(browsing.get("/").status()).isEqualTo(200);
        assertThat(browsing.get("/nearby?lat=31.23&lng=121.47").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/stores/nearby?lat=31.23&lng=121.47&radiusMeters=3000&limit=20").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/merchant/me", merchant.ownerToken()).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single())
                .as("no session for a visitor who only browses, nor for API calls").isEqualTo(before);

        var customer = Fixtures.uniquePhone();
        var signedIn = new WebSession(port).signInAsCustomer(customer, fixtures::latestCode);
        var id = jdbc.sql("select session_id from spring_session where principal_name = :name")
                .param("name", customerIdOf(customer)).query(String.class).single();
        var touched = lastAccess(id);
        Thread.sleep(20);
        var call = signedIn.send(HttpRequest.newBuilder(URI.create(api.base()
                + "/api/v1/stores/nearby?lat=31.23&lng=121.47&radiusMeters=3000&limit=20")).GET());
        assertThat(call.status()).isEqualTo(200);
        assertThat(lastAccess(id)).as("an API call with the session's cookie does not load it").isEqualTo(touched);
        assertThat(signedIn.get("/me/vouchers").status()).isEqualTo(200);
        assertThat(lastAccess(id)).as("a page of the signed-in customer does").isGreaterThan(touched);
    }

    @Test
    void everythingASignInAndACartPutInASessionIsReadBackByAnotherNode() {
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        assertThat(owner.get("/merchant/staff").status()).isEqualTo(200);

        var store = openStoreWithADrink();
        var phone = Fixtures.uniquePhone();
        var customer = new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
        customer.get("/stores/" + store.get("store") + "/pickup");
        var added = customer.post("/stores/" + store.get("store") + "/pickup/cart",
                Map.of("itemId", store.get("drink").toString(), "quantity", "2"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(customer.onNode(second.port()).get("/stores/" + store.get("store") + "/pickup").body())
                .as("the cart, on the other node").contains("酸梅汤");

        var attributes = jdbc.sql("""
                        select a.attribute_name, a.attribute_bytes from spring_session_attributes a
                        join spring_session s on s.primary_id = a.session_primary_id
                        where s.principal_name in (:names)
                        """)
                .param("names", List.of(merchant.ownerUsername(), customerIdOf(phone)))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getBytes(2)))
                .list();
        assertThat(attributes).extracting(Map.Entry::getKey)
                .contains("SPRING_SECURITY_CONTEXT", "pickup.cart." + store.get("store"));
        var read = new ArrayList<String>();
        var deserializer = new DeserializingConverter();
        for (var attribute : attributes) {
            var value = deserializer.convert(attribute.getValue());
            read.add(attribute.getKey() + "=" + value.getClass().getName());
        }
        assertThat(read).as("every attribute reads back").hasSameSizeAs(attributes);
    }

    private Map<String, UUID> openStoreWithADrink() {
        var hours = new HashMap<String, List<String>>();
        for (var day : java.time.DayOfWeek.values()) hours.put(day.name(), List.of("00:00-00:00"));
        var body = new HashMap<String, Object>(Fixtures.storeBody(Fixtures.unique("节点店"), 31.2, 121.4, "本帮菜"));
        body.put("openingHours", hours);
        var store = api.post("/api/v1/merchant/stores", body, merchant.ownerToken());
        assertThat(store.status()).as(store.raw()).isEqualTo(201);
        var category = api.post("/api/v1/merchant/menu/categories", Map.of("name", "饮品", "sortOrder", 1),
                merchant.ownerToken());
        assertThat(category.status()).as(category.raw()).isEqualTo(201);
        var drink = api.post("/api/v1/merchant/menu/items", Map.of("categoryId", category.text("id"), "name", "酸梅汤",
                "description", "冰镇", "price", Map.of("minor", 800, "currency", "CNY"), "optionGroups", List.of()),
                merchant.ownerToken());
        assertThat(drink.status()).as(drink.raw()).isEqualTo(201);
        return Map.of("store", UUID.fromString(store.text("id")), "drink", UUID.fromString(drink.text("id")));
    }

    /** The test context trusts 127.0.0.1 as a proxy on both nodes: X-Forwarded-For plays a client. */
    private static Api.Response signIn(Api node, String username, String password, String forwardedFor) {
        return node.send("POST", LOGIN, Map.of("username", username, "password", password), null,
                Map.of("X-Forwarded-For", forwardedFor));
    }

    /** A client address no other test uses (benchmarking space, written in headers only). */
    private static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.18." + (n >> 8) + "." + (n & 255);
    }

    private Integer failures(String key) {
        return jdbc.sql("select failures from sign_in_backoff where key = :key").param("key", key)
                .query(Integer.class).optional().orElse(null);
    }

    private String customerIdOf(String phone) {
        return jdbc.sql("select id from customer where phone = :phone").param("phone", phone)
                .query(UUID.class).single().toString();
    }

    private long sessionsOf(String principal) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :name")
                .param("name", principal).query(Long.class).single();
    }

    private long lastAccess(String sessionId) {
        return jdbc.sql("select last_access_time from spring_session where session_id = :id")
                .param("id", sessionId).query(Long.class).single();
    }
}
