package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Staff sign-in limits stop guessing, not people (see SignInThrottle). The test context trusts 127.0.0.1 as a
 * proxy, so a request from here with X-Forwarded-For plays a client at that address; 127.0.0.2 plays an untrusted
 * peer. Every client address below is made up for one test and used by no other.
 */
class SignInLimitsIntegrationTests extends ApiTest {

    private static final String LOGIN = "/api/v1/auth/staff/login";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Test
    void fiftyWrongPasswordsFromTenAddressesDoNotKeepTheOwnerOut() {
        var owner = fixtures.pendingMerchant("喷洒测试").ownerUsername();
        var statuses = new ArrayList<Integer>();
        for (int a = 0; a < 10; a++) {
            var attacker = newAddress();
            for (int i = 0; i < 5; i++) statuses.add(signIn(owner, "guess-" + i, attacker).status());
        }
        assertThat(statuses).hasSize(50).containsOnly(401);

        var owners = signIn(owner, "password-1", newAddress());
        assertThat(owners.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/merchant/stores", owners.text("token")).status()).isEqualTo(200);
    }

    @Test
    void successfulSignInsNeverCountAndOneClearsThatClientsFailures() {
        var owner = fixtures.pendingMerchant("成功测试").ownerUsername();
        var address = newAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(signIn(owner, "password-1", address).status()).as("sign-in %d", i + 1).isEqualTo(200);
        }
        // five mistakes, a success, five more: the success wiped the first five, so none of these waits
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5; i++) assertThat(signIn(owner, "typo", address).status()).isEqualTo(401);
            assertThat(signIn(owner, "password-1", address).status()).isEqualTo(200);
        }
        assertThat(signIn(owner, "typo", address).status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresFromOneAddressWaitTwiceAsLongEachTime() {
        clock.freeze();
        var owner = fixtures.pendingMerchant("退避测试").ownerUsername();
        var address = newAddress();
        for (int i = 0; i < 6; i++) assertThat(signIn(owner, "guess", address).status()).isEqualTo(401);

        var waits = new ArrayList<Long>();
        for (int i = 0; i < 4; i++) {
            var refused = signIn(owner, "guess", address);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.text("type")).isEqualTo("urn:o2o:problem:rate-limited");
            long wait = Long.parseLong(refused.header("Retry-After"));
            waits.add(wait);
            // even the right password waits: a refused try is not looked at
            assertThat(signIn(owner, "password-1", address).status()).isEqualTo(429);
            clock.advance(Duration.ofSeconds(wait));
            assertThat(signIn(owner, "guess", address).status()).isEqualTo(401);
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L);

        clock.advance(Duration.ofSeconds(16));
        assertThat(signIn(owner, "password-1", address).status()).isEqualTo(200);
        assertThat(signIn(owner, "guess", address).status()).as("the success cleared this client's failures")
                .isEqualTo(401);
    }

    @Test
    void twentyGuessesAtOnceFromOneAddressGetNoMoreThanSixAnswers() throws Exception {
        clock.freeze();
        var username = Fixtures.unique("nobody");
        var address = newAddress();
        var statuses = Concurrently.atOnce(IntStream.range(0, 20)
                .<Callable<Integer>>mapToObj(i -> () -> signIn(username, "guess-" + i, address).status())
                .toList());
        // each try is counted when it starts: five free failures, the sixth sets a wait the other fourteen meet
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(6);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(14);
    }

    @Test
    void oneAddressGuessingManyAccountsWaitsToo() {
        clock.freeze();
        var address = newAddress();
        for (int i = 0; i < 21; i++) {
            assertThat(signIn(Fixtures.unique("nobody"), "guess", address).status()).isEqualTo(401);
        }
        var refused = signIn(Fixtures.unique("nobody"), "guess", address);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void wrongPasswordsPerAccountAreBoundedPerHourButACleanClientStillGetsIn() {
        clock.freeze();
        var owner = fixtures.pendingMerchant("上限测试").ownerUsername();
        var attackers = new ArrayList<String>();
        for (int a = 0; a < 20; a++) {
            var attacker = newAddress();
            attackers.add(attacker);
            for (int i = 0; i < 5; i++) assertThat(signIn(owner, "guess", attacker).status()).isEqualTo(401);
        }
        // 100 wrong passwords this hour: clients that failed for this account are turned away, right password or not
        var refused = signIn(owner, "password-1", attackers.getFirst());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 36L);

        // a new address gets one guess, then it is a failed client too
        var newcomer = newAddress();
        assertThat(signIn(owner, "guess", newcomer).status()).isEqualTo(401);
        assertThat(signIn(owner, "guess", newcomer).status()).isEqualTo(429);

        // the owner, from an address that has not failed, signs in at once
        assertThat(signIn(owner, "password-1", newAddress()).status()).isEqualTo(200);

        // the bucket refills at 100 an hour: 36 s later one more guess from a failed client, not two
        clock.advance(Duration.ofSeconds(36));
        assertThat(signIn(owner, "guess", attackers.get(1)).status()).isEqualTo(401);
        assertThat(signIn(owner, "guess", attackers.get(2)).status()).isEqualTo(429);
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        clock.freeze();
        var username = Fixtures.unique("nobody");
        var untrusted = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        // six failures with two forged addresses: both are 127.0.0.2, so the seventh (a third forgery) must wait
        for (int i = 0; i < 6; i++) {
            assertThat(signInFrom(untrusted, username, i % 2 == 0 ? "192.0.2.1" : "192.0.2.2")).isEqualTo(401);
        }
        assertThat(signInFrom(untrusted, username, "192.0.2.3")).isEqualTo(429);

        // from the trusted proxy the header is read, and only its rightmost untrusted entry counts
        var behindProxy = newAddress();
        for (int i = 0; i < 6; i++) {
            assertThat(signIn(username, "guess", "198.51.100." + i + ", " + behindProxy).status()).isEqualTo(401);
        }
        assertThat(signIn(username, "guess", "198.51.100.99, " + behindProxy).status()).isEqualTo(429);
        assertThat(signIn(username, "guess", newAddress()).status()).isEqualTo(401);
    }

    @Test
    void theConsoleFormLoginFollowsTheSameLimitsAndSaysSo() {
        clock.freeze();
        var owner = fixtures.pendingMerchant("表单测试").ownerUsername();
        var address = newAddress();
        var form = new WebSession(port, Map.of("X-Forwarded-For", address));
        form.get("/staff/login");
        for (int i = 0; i < 6; i++) {
            var wrong = form.post("/staff/login", Map.of("username", owner, "password", "guess"));
            assertThat(wrong.status()).isEqualTo(302);
            assertThat(wrong.location()).endsWith("/staff/login?error");
        }
        var refused = form.post("/staff/login", Map.of("username", owner, "password", "password-1"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retryAfter()).isEqualTo("1");
        assertThat(refused.body()).contains("登录失败次数过多，请 1 秒后再试").doesNotContain("用户名或密码错误");

        // the API door shares the counters
        assertThat(signIn(owner, "password-1", address).status()).isEqualTo(429);

        // the wait page is only what a refusal shows
        assertThat(new WebSession(port).get("/staff/login/wait").status()).isEqualTo(302);

        // the owner elsewhere is not held up; and here, after the wait, signs in
        new WebSession(port, Map.of("X-Forwarded-For", newAddress())).signInAsStaff(owner, "password-1");
        clock.advance(Duration.ofSeconds(1));
        form.get("/staff/login");
        var signedIn = form.post("/staff/login", Map.of("username", owner, "password", "password-1"));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/merchant");
    }

    private Api.Response signIn(String username, String password, String forwardedFor) {
        return api.send("POST", LOGIN, Map.of("username", username, "password", password), null,
                Map.of("X-Forwarded-For", forwardedFor));
    }

    private int signInFrom(HttpClient client, String username, String forwardedFor)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(api.base() + LOGIN))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of("username", username, "password", "x"))))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A client address no other test uses (shared address space, written in headers only). */
    private static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "100." + (64 + (n >> 16)) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }
}
