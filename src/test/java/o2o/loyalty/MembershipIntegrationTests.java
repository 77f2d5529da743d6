package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/** Joining on the store page, at checkout and at the counter; member QR codes; looking members up at the counter. */
class MembershipIntegrationTests extends ApiTest {

    private WebSession signedInCustomer(String phone) {
        return new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
    }

    private Api.Response lookup(String staffToken, String query) {
        return api.get("/api/v1/merchant/members/lookup?" + query, staffToken);
    }

    private String qrToken(String customerToken, UUID merchant) {
        var issued = api.get("/api/v1/me/memberships/" + merchant + "/qr-token", customerToken);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(200);
        return issued.text("token");
    }

    @Test
    void customersJoinOnTheStorePageAtCheckoutAndAtTheCounterAndJoiningAgainChangesNothing() {
        var merchant = fixtures.approvedMerchant("三种入会");
        var store = fixtures.store(merchant, "入会店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 3900, null, false, "ANYTIME");

        var onPage = Fixtures.uniquePhone();
        var pageSession = signedInCustomer(onPage);
        assertThat(pageSession.get("/stores/" + store + "/membership").body()).contains("join-membership");
        var joined = pageSession.post("/me/memberships", Map.of("merchantId", merchant.id().toString()));
        assertThat(joined.status()).isEqualTo(302);
        assertThat(joined.location()).endsWith("/me/memberships/" + merchant.id());
        var first = lookup(merchant.ownerToken(), "phone=" + onPage);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.text("channel")).isEqualTo("page");
        assertThat(pageSession.post("/me/memberships", Map.of("merchantId", merchant.id().toString())).status())
                .isEqualTo(302);
        assertThat(lookup(merchant.ownerToken(), "phone=" + onPage).body()).isEqualTo(first.body());
        assertThat(pageSession.get("/stores/" + store + "/membership").body()).contains("to-card")
                .doesNotContain("join-membership");

        var atCheckout = Fixtures.uniquePhone();
        var checkoutSession = signedInCustomer(atCheckout);
        assertThat(checkoutSession.get("/me/memberships/checkout-choice?merchant=" + merchant.id()).body())
                .contains("name=\"joinMembership\"").contains("checked");
        var bought = checkoutSession.post("/deals/" + deal + "/buy", Map.of("quantity", "1",
                "joinMembership", "on", "joinMerchantId", merchant.id().toString()));
        assertThat(bought.status()).isEqualTo(302);
        assertThat(bought.location()).contains("/sandbox/pay/");
        var viaCheckout = lookup(merchant.ownerToken(), "phone=" + atCheckout);
        assertThat(viaCheckout.status()).as(viaCheckout.raw()).isEqualTo(200);
        assertThat(viaCheckout.text("channel")).isEqualTo("checkout");
        checkoutSession.post("/deals/" + deal + "/buy", Map.of("quantity", "1",
                "joinMembership", "on", "joinMerchantId", merchant.id().toString()));
        assertThat(lookup(merchant.ownerToken(), "phone=" + atCheckout).body()).isEqualTo(viaCheckout.body());
        assertThat(checkoutSession.get("/me/memberships/checkout-choice?merchant=" + merchant.id()).body())
                .contains("already-member").doesNotContain("name=\"joinMembership\"");

        var unticked = Fixtures.uniquePhone();
        signedInCustomer(unticked).post("/deals/" + deal + "/buy", Map.of("quantity", "1"));
        assertThat(lookup(merchant.ownerToken(), "phone=" + unticked).status()).as("bought without the box").isEqualTo(404);

        var atCounter = Fixtures.uniquePhone();
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        var registered = api.post("/api/v1/merchant/members", Map.of("phone", atCounter, "name", "王女士"), cashier);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.text("channel")).isEqualTo("counter");
        assertThat(registered.text("name")).isEqualTo("王女士");
        assertThat(registered.text("phone")).isEqualTo(atCounter.substring(0, 3) + "****" + atCounter.substring(7));
        var again = api.post("/api/v1/merchant/members", Map.of("phone", atCounter, "name", "李先生"), merchant.ownerToken());
        assertThat(again.status()).as("joining again").isEqualTo(200);
        assertThat(again.body()).isEqualTo(registered.body());

        var customer = fixtures.customerToken(atCounter);
        var cards = api.get("/api/v1/me/memberships", customer).body();
        assertThat(cards.size()).as("the customer registered at the counter signs in to the same membership").isEqualTo(1);
        assertThat(cards.get(0).path("customerId").asString()).isEqualTo(registered.text("customerId"));
        assertThat(cards.get(0).path("channel").asString()).isEqualTo("counter");
    }

    @Test
    void onlyOwnersManagersAndCashiersRegisterMembersAndBadInputChangesNothing() {
        var merchant = fixtures.approvedMerchant("登记权限");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var waiter = fixtures.staff(merchant, Role.WAITER, Set.of(store));
        var phone = Fixtures.uniquePhone();
        var denied = api.post("/api/v1/merchant/members", Map.of("phone", phone), waiter);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(lookup(waiter, "phone=" + phone).status()).isEqualTo(403);

        var bad = api.post("/api/v1/merchant/members", Map.of("phone", "12345"), merchant.ownerToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("type")).isEqualTo("urn:o2o:problem:invalid-input");
        var longName = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "名".repeat(41)),
                merchant.ownerToken());
        assertThat(longName.status()).isEqualTo(400);
        assertThat(lookup(merchant.ownerToken(), "phone=" + phone).status()).as("nothing was registered").isEqualTo(404);
    }

    @Test
    void theSamePhoneRegisteredAtTheCounterManyTimesAtOnceMakesOneMember() throws Exception {
        var merchant = fixtures.approvedMerchant("并发登记");
        var phone = Fixtures.uniquePhone();
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> api.post("/api/v1/merchant/members", Map.of("phone", phone), merchant.ownerToken()).status());
        }
        var statuses = Concurrently.atOnce(tasks);
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        var list = api.get("/api/v1/merchant/members?q=" + phone, merchant.ownerToken());
        assertThat(list.body().path("items").size()).isEqualTo(1);
    }

    @Test
    void aMemberQrCodeFindsTheMemberUntilItExpires() {
        var merchant = fixtures.approvedMerchant("会员码");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        assertThat(api.get("/api/v1/me/memberships/" + merchant.id() + "/qr-token", customer).status())
                .as("no card before joining").isEqualTo(404);
        api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), customer);

        var issued = api.get("/api/v1/me/memberships/" + merchant.id() + "/qr-token", customer);
        var token = issued.text("token");
        assertThat(token).matches("\\d{21,39}");
        var expiresAt = Instant.parse(issued.text("expiresAt"));
        assertThat(Duration.between(clock.instant(), expiresAt)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));

        var found = lookup(cashier, "qr=" + token);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.text("customerId")).isEqualTo(api.get("/api/v1/me/memberships", customer).body().get(0)
                .path("customerId").asString());
        assertThat(found.text("phone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        var grouped = String.join(" ", token.split("(?<=\\G.{4})"));
        assertThat(lookup(cashier, "qr=" + grouped.replace(" ", "%20")).status()).as("typed in groups").isEqualTo(200);

        clock.advance(Duration.ofSeconds(61));
        var expired = lookup(cashier, "qr=" + token);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.text("type")).isEqualTo("urn:o2o:problem:member-qr-expired");
        assertThat(lookup(cashier, "qr=" + qrToken(customer, merchant.id())).status()).as("a fresh code").isEqualTo(200);
    }

    @Test
    void aForgedMemberQrCodeOrAnotherMerchantsCardFindsNoOne() {
        var merchant = fixtures.approvedMerchant("验码");
        var other = fixtures.approvedMerchant("别家");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), customer);
        api.post("/api/v1/me/memberships", Map.of("merchantId", other.id()), customer);
        var token = qrToken(customer, merchant.id());

        var digit = token.charAt(15) == '9' ? '0' : (char) (token.charAt(15) + 1);
        var forged = token.substring(0, 15) + digit + token.substring(16);
        for (var bad : List.of(forged, "2" + token.substring(1), token + "7", "12345", "abc.def")) {
            var response = lookup(merchant.ownerToken(), "qr=" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.text("type")).as(bad).isEqualTo("urn:o2o:problem:member-qr-invalid");
        }
        var longer = "9".repeat(10) + token.substring(10);
        assertThat(lookup(merchant.ownerToken(), "qr=" + longer).text("type")).as("a later expiry, same signature")
                .isEqualTo("urn:o2o:problem:member-qr-invalid");

        var foreign = lookup(merchant.ownerToken(), "qr=" + qrToken(customer, other.id()));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("type")).isEqualTo("urn:o2o:problem:member-qr-other-merchant");
        assertThat(lookup(other.ownerToken(), "qr=" + qrToken(customer, other.id())).status()).isEqualTo(200);
    }

    @Test
    void staffLookUpAMemberByPhoneAndSomeoneWhoIsNotAMemberIsNotFound() {
        var merchant = fixtures.approvedMerchant("查会员");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), customer);

        var found = lookup(cashier, "phone=" + phone.substring(0, 3) + "-" + phone.substring(3));
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.text("channel")).isEqualTo("online");
        assertThat(found.body().path("points").asLong()).isZero();

        var stranger = Fixtures.uniquePhone();
        fixtures.customerToken(stranger);
        var notMember = lookup(cashier, "phone=" + stranger);
        assertThat(notMember.status()).isEqualTo(404);
        assertThat(notMember.contentType()).startsWith("application/problem+json");
        assertThat(lookup(cashier, "phone=" + Fixtures.uniquePhone()).status()).as("never registered").isEqualTo(404);
        assertThat(lookup(cashier, "").status()).as("no way given").isEqualTo(400);
        assertThat(lookup(cashier, "phone=" + phone + "&qr=123").status()).as("two ways given").isEqualTo(400);
        assertThat(lookup(cashier, "phone=12").status()).isEqualTo(400);
    }

    @Test
    void memberLookupsAreRateLimitedPerStaffMember() {
        var merchant = fixtures.approvedMerchant("限流");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        var phone = Fixtures.uniquePhone();
        // 60 a minute, refilled smoothly: a slow machine earns back about one lookup per second it took
        long started = System.nanoTime();
        int answered = 0;
        var limited = lookup(cashier, "phone=" + phone);
        while (limited.status() == 404 && answered < 200) {
            answered++;
            limited = lookup(cashier, "phone=" + phone);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(answered).isBetween(60, 60 + (int) seconds + 1);
        assertThat(limited.text("type")).isEqualTo("urn:o2o:problem:rate-limited");
        assertThat(lookup(merchant.ownerToken(), "phone=" + phone).status()).as("another staff member").isEqualTo(404);
    }

    @Test
    void customerCardPagesShowTheCardItsQrCodeAndPointsAndNothingForANonMember() {
        var merchant = fixtures.approvedMerchant("卡面");
        var session = signedInCustomer(Fixtures.uniquePhone());
        assertThat(session.get("/me/memberships/" + merchant.id()).status()).isEqualTo(404);
        session.post("/me/memberships", Map.of("merchantId", merchant.id().toString()));
        var cards = session.get("/me/memberships");
        assertThat(cards.body()).contains("卡面");
        var card = session.get("/me/memberships/" + merchant.id());
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body()).contains("member-qr-image").contains("/qr.png?token=");
        assertThat(card.body()).as("renewed before it expires").containsPattern("hx-trigger=\"load delay:(4\\d|50)s\"");
        var token = card.body().replaceAll("(?s).*qr\\.png\\?token=(\\d+).*", "$1");
        assertThat(session.get("/me/memberships/" + merchant.id() + "/qr.png?token=" + token).status()).isEqualTo(200);
        assertThat(session.get("/me/memberships/" + merchant.id() + "/qr.png?token=123" + token).status()).isEqualTo(404);
        assertThat(session.get("/me/memberships/" + merchant.id() + "/qr").body()).contains("member-qr-code");
        assertThat(session.get("/me/memberships/" + merchant.id() + "/points").body()).contains("points-balance");
        assertThat(session.get("/me/memberships/" + UUID.randomUUID() + "/points").status()).isEqualTo(404);
    }
}
