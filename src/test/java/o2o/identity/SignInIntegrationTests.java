package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SignInIntegrationTests extends ApiTest {


    @Test
    void aCustomerSignsInWithTheCodeTextedToTheirPhoneAndTheCodeIsNeverInAResponse() {
        var phone = Fixtures.uniquePhone();
        var sent = api.post("/api/v1/auth/otp", Map.of("phone", phone));
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body().path("expiresInSeconds").asLong()).isEqualTo(300);

        var code = fixtures.latestCode(phone);
        assertThat(sent.raw()).doesNotContain(code);

        var verified = api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.raw()).doesNotContain(code);

        var me = api.get("/api/v1/me", verified.text("token"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(verified.text("customerId"));
        assertThat(me.text("name")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    }

    @Test
    void theSamePhoneIsTheSameCustomerEveryTime() {
        var phone = Fixtures.uniquePhone();
        var first = api.get("/api/v1/me", fixtures.customerToken(phone)).text("id");
        clock.advance(Duration.ofMinutes(2));
        var second = api.get("/api/v1/me", fixtures.customerToken("+86 " + phone)).text("id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aCodeSignsInOnlyOnce() {
        var phone = Fixtures.uniquePhone();
        api.post("/api/v1/auth/otp", Map.of("phone", phone));
        var code = fixtures.latestCode(phone);
        assertThat(api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code)).status()).isEqualTo(200);

        var again = api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("type")).isEqualTo("urn:o2o:problem:otp-invalid");
    }

    @Test
    void aCodeSignsInOnlyOnceEvenWhenTenRequestsRaceWithIt() throws Exception {
        var phone = Fixtures.uniquePhone();
        api.post("/api/v1/auth/otp", Map.of("phone", phone));
        var code = fixtures.latestCode(phone);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var gate = new CountDownLatch(1);
            // ten: the per-phone guessing limit would turn more into 429s
            var results = IntStream.range(0, 10).mapToObj(i -> pool.submit(() -> {
                gate.await();
                return api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code)).status();
            })).toList();
            gate.countDown();
            var statuses = results.stream().map(SignInIntegrationTests::get).toList();
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(9);
        }
    }

    @Test
    void aCodeExpires() {
        var phone = Fixtures.uniquePhone();
        api.post("/api/v1/auth/otp", Map.of("phone", phone));
        var code = fixtures.latestCode(phone);
        clock.advance(Duration.ofMinutes(6));
        assertThat(api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code)).status()).isEqualTo(401);
    }

    @Test
    void fiveWrongGuessesVoidTheCode() {
        var phone = Fixtures.uniquePhone();
        api.post("/api/v1/auth/otp", Map.of("phone", phone));
        var code = fixtures.latestCode(phone);
        var wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", wrong)).status())
                    .isEqualTo(401);
        }
        assertThat(api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code)).status())
                .as("the right code after five wrong guesses")
                .isEqualTo(401);
    }

    @Test
    void guessingIsRateLimitedPerPhone() {
        var phone = Fixtures.uniquePhone();
        api.post("/api/v1/auth/otp", Map.of("phone", phone));
        var statuses = IntStream.range(0, 12)
                .map(i -> api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", "123456")).status())
                .boxed()
                .toList();
        assertThat(statuses).contains(429);
        var limited = api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", "123456"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("type")).isEqualTo("urn:o2o:problem:rate-limited");
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    @Test
    void aNewCodeMustWaitAMinuteAndVoidsTheOldOne() {
        var phone = Fixtures.uniquePhone();
        api.post("/api/v1/auth/otp", Map.of("phone", phone));
        var first = fixtures.latestCode(phone);

        var tooSoon = api.post("/api/v1/auth/otp", Map.of("phone", phone));
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(Integer.parseInt(tooSoon.header("Retry-After"))).isBetween(1, 61);

        clock.advance(Duration.ofSeconds(61));
        assertThat(api.post("/api/v1/auth/otp", Map.of("phone", phone)).status()).isEqualTo(202);
        var second = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/api/v1/dev/inbox?phone=" + phone).body().size(), n -> n == 2);
        assertThat(second).isEqualTo(2);
        var latest = fixtures.latestCode(phone);
        if (!latest.equals(first)) {
            assertThat(api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", first)).status())
                    .isEqualTo(401);
        }
        assertThat(api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", latest)).status())
                .isEqualTo(200);
    }

    @Test
    void badPhoneNumbersAndCodesAreClearBadRequests() {
        var notAPhone = api.post("/api/v1/auth/otp", Map.of("phone", "12345"));
        assertThat(notAPhone.status()).isEqualTo(400);
        assertThat(notAPhone.contentType()).startsWith("application/problem+json");
        assertThat(notAPhone.body().path("field").asString()).isEqualTo("phone");

        var missing = api.post("/api/v1/auth/otp", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("type")).isEqualTo("urn:o2o:problem:validation");

        var shortCode = api.post("/api/v1/auth/otp/verify", Map.of("phone", Fixtures.uniquePhone(), "code", "12"));
        assertThat(shortCode.status()).isEqualTo(400);

        var malformed = api.postRaw("/api/v1/auth/otp", "{not json", "application/json", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void staffSignInWithPasswordAndWrongPasswordsOrUnknownNamesLookTheSame() {
        var token = fixtures.operatorToken();
        assertThat(api.get("/api/v1/admin/merchants", token).status()).isEqualTo(200);

        var wrong = api.post("/api/v1/auth/staff/login", Map.of("username", "operator", "password", "nope-nope"));
        var unknown = api.post("/api/v1/auth/staff/login", Map.of("username", "nobody-here", "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.text("type")).isEqualTo(unknown.text("type")).isEqualTo("urn:o2o:problem:bad-credentials");
    }

    @Test
    void theApiWantsATokenAndTheRightKindOfAccount() {
        var anonymous = api.get("/api/v1/merchant/stores", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        var forged = api.get("/api/v1/merchant/stores", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bm9wZQ");
        assertThat(forged.status()).isEqualTo(401);

        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        assertThat(api.get("/api/v1/merchant/stores", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/merchants", customer).status()).isEqualTo(403);

        var owner = fixtures.pendingMerchant("权限测试").ownerToken();
        assertThat(api.get("/api/v1/admin/merchants", owner).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", owner).status()).isEqualTo(403);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
