package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import o2o.testing.ApiTest;
import o2o.testing.FakeWechat;
import o2o.testing.FakeWechat.User;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WechatSignInIntegrationTests extends ApiTest {

    private static final Pattern STATE = Pattern.compile("[?&]state=([^&#]+)");

    @Autowired
    FakeWechat wechat;

    @Autowired
    Customers customers;

    private final HttpClient browser = HttpClient.newHttpClient();

    @Test
    void aFirstVisitAsksForThePhoneOnceAndBindsAndTheNextVisitSignsInWithoutAnSms() {
        var user = User.random("小明");
        var phone = Fixtures.uniquePhone();
        var session = new WebSession(port);

        var toWechat = session.get("/signin/wechat?next=/me/reservations");
        assertThat(toWechat.status()).isEqualTo(302);
        var authorize = toWechat.location();
        assertThat(authorize).startsWith(wechat.base() + "/connect/oauth2/authorize?")
                .contains("appid=" + FakeWechat.APP_ID, "response_type=code", "scope=snsapi_base",
                        "redirect_uri=" + URLEncoder.encode(api.base() + "/signin/wechat/callback", StandardCharsets.UTF_8))
                .endsWith("#wechat_redirect");
        assertThat(STATE.matcher(authorize).find()).isTrue();

        var back = throughWechat(authorize, user);
        var unbound = session.get(back);
        assertThat(unbound.status()).isEqualTo(302);
        assertThat(path(unbound.location())).isEqualTo("/signin?next=%2Fme%2Freservations");
        assertThat(customers.byWechatOpenid(user.openid())).as("nothing bound before the phone is proven").isEmpty();

        var asked = session.get(path(unbound.location()));
        assertThat(asked.body()).contains("id=\"wechat-pending\"");
        session.post("/signin/code", Map.of("phone", phone));
        var signedIn = session.post("/signin", Map.of("phone", phone, "code", fixtures.latestCode(phone),
                "next", "/me/reservations"));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/me/reservations");
        assertThat(session.get("/me/reservations").status()).isEqualTo(200);

        var customer = customers.byPhone(o2o.shared.PhoneNumber.parse(phone)).orElseThrow();
        assertThat(customers.byWechatOpenid(user.openid())).contains(customer);
        assertThat(customers.wechatOf(customer.customerId())).hasValueSatisfying(account -> {
            assertThat(account.unionid()).isEqualTo(user.unionid());
            assertThat(account.nickname()).as("snsapi_base shares no profile").isNull();
        });

        clock.advance(Duration.ofMinutes(5));
        var later = new WebSession(port);
        var direct = later.get(throughWechat(later.get("/signin/wechat?next=/me/reservations").location(), user));
        assertThat(direct.status()).isEqualTo(302);
        assertThat(direct.location()).endsWith("/me/reservations");
        assertThat(later.get("/me/reservations").status()).as("signed in as the bound customer").isEqualTo(200);
        assertThat(api.get("/api/v1/dev/inbox?phone=" + phone).body().size()).as("one SMS in all").isEqualTo(1);
    }

    @Test
    void insideWechatTheSignInPageGoesToWechatAndElsewhereItOffersIt() throws Exception {
        var inside = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/signin?next=/me/reservations"))
                .header("User-Agent", "Mozilla/5.0 (iPhone) AppleWebKit Mobile MicroMessenger/8.0.50 NetType/WIFI")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inside.statusCode()).isEqualTo(302);
        assertThat(inside.headers().firstValue("Location").orElseThrow())
                .endsWith("/signin/wechat?next=%2Fme%2Freservations");

        var elsewhere = new WebSession(port).get("/signin?next=/me/reservations");
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.body()).contains("id=\"signin-wechat\"", "/signin/wechat?next=/me/reservations");

        var sms = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/signin?sms=1"))
                .header("User-Agent", "MicroMessenger/8.0").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sms.statusCode()).as("asking for SMS inside WeChat stays on the page").isEqualTo(200);
    }

    @Test
    void aForgedOrUsedCodeIsRefusedAndNothingIsBound() {
        var user = User.random("forged");
        var session = new WebSession(port);
        var state = state(session.get("/signin/wechat").location());
        var forged = session.get("/signin/wechat/callback?code=not-a-code&state=" + state);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.body()).contains("微信授权码无效或已使用");

        var code = wechat.codeFor(user, "snsapi_base");
        assertThat(api.post("/api/v1/auth/wechat", Map.of("code", code)).status()).isEqualTo(403);
        var again = new WebSession(port);
        var used = again.get("/signin/wechat/callback?code=" + code + "&state=" + state(again.get("/signin/wechat").location()));
        assertThat(used.status()).as("a code works once").isEqualTo(401);

        var usedViaApi = api.post("/api/v1/auth/wechat", Map.of("code", code));
        assertThat(usedViaApi.status()).isEqualTo(401);
        assertThat(usedViaApi.contentType()).startsWith("application/problem+json");
        assertThat(usedViaApi.text("type")).isEqualTo("urn:o2o:problem:wechat-code-invalid");
        assertThat(usedViaApi.body().path("errcode").asInt()).isEqualTo(40163);
        assertThat(customers.byWechatOpenid(user.openid())).isEmpty();
    }

    @Test
    void aCallbackWhoseStateThisSessionDidNotSendIsRefusedBeforeTheCodeIsUsed() {
        var user = User.random("csrf");
        var victim = new WebSession(port);
        var attacker = new WebSession(port);
        var attackersState = state(attacker.get("/signin/wechat").location());
        victim.get("/signin/wechat");
        var code = wechat.codeFor(user, "snsapi_base");

        var planted = victim.get("/signin/wechat/callback?code=" + code + "&state=" + attackersState);
        assertThat(planted.status()).isEqualTo(403);
        assertThat(planted.body()).contains("微信登录已失效");
        assertThat(new WebSession(port).get("/signin/wechat/callback?code=" + code + "&state=x").status())
                .as("a session that sent nobody to WeChat").isEqualTo(403);
        assertThat(victim.get("/me/reservations").status()).isEqualTo(302);
        assertThat(attacker.get("/signin/wechat/callback?code=" + code + "&state=" + attackersState).status())
                .as("the refused callbacks did not spend the code: it still works with its own session's state")
                .isEqualTo(302);
        assertThat(customers.byWechatOpenid(user.openid())).isEmpty();
    }

    @Test
    void theApiSignsInABoundAccountAndAsksForAPhoneWithATicketOtherwise() {
        var user = User.random("小红");
        var phone = Fixtures.uniquePhone();
        var asked = api.post("/api/v1/auth/wechat", Map.of("code", wechat.codeFor(user, "snsapi_userinfo"), "profile", true));
        assertThat(asked.status()).isEqualTo(403);
        assertThat(asked.text("type")).isEqualTo("urn:o2o:problem:wechat-phone-needed");
        assertThat(asked.body().path("expiresInSeconds").asLong()).isEqualTo(600);
        var ticket = asked.text("wechatTicket");
        assertThat(ticket).isNotBlank().doesNotContain(user.openid());
        assertThat(api.get("/api/v1/me", ticket).status()).as("a ticket is no access token").isEqualTo(401);

        api.post("/api/v1/auth/otp", Map.of("phone", phone));
        var sms = fixtures.latestCode(phone);
        var forged = api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", sms, "wechatTicket", ticket + "x"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.text("type")).isEqualTo("urn:o2o:problem:wechat-ticket-invalid");
        var bound = api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", sms, "wechatTicket", ticket));
        assertThat(bound.status()).as("a bad ticket does not spend the SMS code: " + bound.raw()).isEqualTo(200);

        var link = api.get("/api/v1/me/wechat", bound.text("token"));
        assertThat(link.text("openid")).isEqualTo(user.openid());
        assertThat(link.text("unionid")).isEqualTo(user.unionid());
        assertThat(link.text("nickname")).isEqualTo("小红");
        assertThat(link.text("avatarUrl")).isEqualTo(user.avatarUrl());

        var direct = api.post("/api/v1/auth/wechat", Map.of("code", wechat.codeFor(user, "snsapi_base")));
        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.text("customerId")).isEqualTo(bound.text("customerId"));
    }

    @Test
    void anExpiredTicketBindsNothing() {
        var user = User.random("late");
        var phone = Fixtures.uniquePhone();
        var ticket = api.post("/api/v1/auth/wechat", Map.of("code", wechat.codeFor(user, "snsapi_base"))).text("wechatTicket");
        clock.advance(Duration.ofMinutes(11));
        api.post("/api/v1/auth/otp", Map.of("phone", phone));
        var late = api.post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", fixtures.latestCode(phone),
                "wechatTicket", ticket));
        assertThat(late.status()).isEqualTo(401);
        assertThat(customers.byWechatOpenid(user.openid())).isEmpty();
    }

    @Test
    void anOpenidBoundToOneCustomerIsNeverReboundToAnother() {
        var user = User.random("alice");
        var alicePhone = Fixtures.uniquePhone();
        var bobPhone = Fixtures.uniquePhone();
        var staleTicket = api.post("/api/v1/auth/wechat", Map.of("code", wechat.codeFor(user, "snsapi_base")))
                .text("wechatTicket");
        var alice = fixtures.wechatCustomer(wechat, user, alicePhone);
        var aliceId = api.get("/api/v1/me", alice).text("id");

        api.post("/api/v1/auth/otp", Map.of("phone", bobPhone));
        var taken = api.post("/api/v1/auth/otp/verify", Map.of("phone", bobPhone, "code", fixtures.latestCode(bobPhone),
                "wechatTicket", staleTicket));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).isEqualTo("urn:o2o:problem:wechat-taken");
        assertThat(customers.byWechatOpenid(user.openid()).orElseThrow().customerId().toString()).isEqualTo(aliceId);

        var otherAccount = User.random("alice's second WeChat");
        clock.advance(Duration.ofMinutes(2));
        var second = api.post("/api/v1/auth/wechat", Map.of("code", wechat.codeFor(otherAccount, "snsapi_base")));
        api.post("/api/v1/auth/otp", Map.of("phone", alicePhone));
        var otherBound = api.post("/api/v1/auth/otp/verify", Map.of("phone", alicePhone,
                "code", nthCode(alicePhone, 2), "wechatTicket", second.text("wechatTicket")));
        assertThat(otherBound.status()).isEqualTo(409);
        assertThat(otherBound.text("type")).isEqualTo("urn:o2o:problem:wechat-other-bound");
        assertThat(api.get("/api/v1/me/wechat", alice).text("openid")).isEqualTo(user.openid());
        assertThat(customers.byWechatOpenid(otherAccount.openid())).isEmpty();
    }

    @Test
    void theOpenidCanNoLongerBeSetByTheClientButItsOwnerMayUnbindIt() {
        var user = User.random("unbind");
        var token = fixtures.wechatCustomer(wechat, user, Fixtures.uniquePhone());
        var put = api.put("/api/v1/me/wechat", Map.of("openid", "oSomebodyElse"), token);
        assertThat(put.status()).isIn(404, 405);
        assertThat(api.get("/api/v1/me/wechat", token).text("openid")).isEqualTo(user.openid());

        var stranger = fixtures.customerToken(Fixtures.uniquePhone());
        assertThat(api.send("DELETE", "/api/v1/me/wechat", Map.of("openid", user.openid()), stranger).status())
                .as("somebody else's openid is not theirs to unbind").isEqualTo(204);
        assertThat(customers.byWechatOpenid(user.openid())).isPresent();
        assertThat(api.send("DELETE", "/api/v1/me/wechat", Map.of("openid", user.openid()), token).status()).isEqualTo(204);
        assertThat(customers.byWechatOpenid(user.openid())).isEmpty();
        assertThat(api.get("/api/v1/me/wechat", token).body().path("openid").isNull()).isTrue();
    }

    /** The customer's WeChat: opens the authorize page as {@code user}; answers the path WeChat sends them back to. */
    private String throughWechat(String authorize, User user) {
        wechat.signInAs(user);
        try {
            var response = browser.send(HttpRequest.newBuilder(URI.create(authorize.substring(0, authorize.indexOf('#'))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            var location = response.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(api.base() + "/signin/wechat/callback?code=");
            return location.substring(api.base().length());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(String authorize) {
        var matcher = STATE.matcher(authorize);
        assertThat(matcher.find()).isTrue();
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private String path(String location) {
        return location.startsWith(api.base()) ? location.substring(api.base().length()) : location;
    }

    /** The code of the {@code nth} SMS to the phone, once it has arrived. */
    private String nthCode(String phone, int nth) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/api/v1/dev/inbox?phone=" + phone).body().size() >= nth);
        return fixtures.latestCode(phone);
    }
}
