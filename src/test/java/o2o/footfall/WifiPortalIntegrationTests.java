package o2o.footfall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.malls.MallFixtures;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class WifiPortalIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    record VisitRow(UUID customer, Instant firstSeen, Instant lastSeen, int signIns, String deviceHash, String apHash) {}

    private List<VisitRow> visits(UUID mall) {
        return jdbc.sql("""
                        select customer_id, first_seen, last_seen, sign_ins, device_hash, ap_hash from footfall_visit
                         where mall_id = :m order by first_seen
                        """)
                .param("m", mall)
                .query((rs, row) -> new VisitRow(rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Signs in on the portal by phone and SMS code, as the captive browser would; answers the last page. */
    private WebSession.Page bySms(UUID mall, String phone, Map<String, String> extra) {
        return bySms(new WebSession(port), mall, phone, extra);
    }

    private WebSession.Page bySms(WebSession session, UUID mall, String phone, Map<String, String> extra) {
        var page = session.get("/malls/" + mall + "/wifi");
        assertThat(page.status()).isEqualTo(200);
        var fields = new HashMap<>(extra);
        fields.put("phone", phone);
        var sent = session.post("/malls/" + mall + "/wifi/code", fields);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("wifi-signin-form");
        fields.put("code", fixtures.latestCode(phone));
        return session.post("/malls/" + mall + "/wifi", fields);
    }

    @Test
    void signingInBySmsRecordsAVisitAndJoinsTheMallsMembership() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("无线广场"), 1);
        var phone = Fixtures.uniquePhone();
        var page = new WebSession(port).get("/malls/" + mall.id() + "/wifi?mac=AA-BB-CC-DD-EE-01&ap=L1-AP-03");
        assertThat(page.body()).contains("wifi-code-form", "wifi-member-form", "AA-BB-CC-DD-EE-01")
                .doesNotContain("<script");

        var done = bySms(mall.id(), phone, Map.of("mac", "AA-BB-CC-DD-EE-01", "ap", "L1-AP-03"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("wifi-connected", "wifi-joined", "/malls/" + mall.id() + "\"");

        var visits = visits(mall.id());
        assertThat(visits).hasSize(1);
        assertThat(visits.getFirst().firstSeen()).isEqualTo(visits.getFirst().lastSeen());
        assertThat(visits.getFirst().deviceHash()).hasSize(64).doesNotContainIgnoringCase("aa-bb");
        assertThat(visits.getFirst().apHash()).hasSize(64);
        // the mall's operator finds the visitor among its members
        var member = api.get("/api/v1/merchant/members/lookup?phone=" + phone, mall.operator().ownerToken());
        assertThat(member.status()).as(member.raw()).isEqualTo(200);
        assertThat(member.text("customerId")).isEqualTo(visits.getFirst().customer().toString());
    }

    @Test
    void theSmsCodeSignsThePortalsBrowserInToTheSiteAndTheMemberCodeDoesNot() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("登录广场"), 1);
        var phone = Fixtures.uniquePhone();
        var portal = new WebSession(port);
        assertThat(portal.get("/me/orders").status()).isEqualTo(302);

        var done = bySms(portal, mall.id(), phone, Map.of());
        assertThat(done.body()).contains("wifi-connected", "wifi-my-orders");
        for (var path : List.of("/me/orders", "/me/mall-events", "/me/coupons")) {
            var mine = portal.get(path);
            assertThat(mine.status()).as(path + " " + mine.location()).isEqualTo(200);
        }

        // the member code proves only that its holder has the code: the visit counts, the browser stays signed out
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", mall.operator().id()), customer).status())
                .isEqualTo(200);
        var token = api.get("/api/v1/me/memberships/" + mall.operator().id() + "/qr-token", customer).text("token");
        var byCard = new WebSession(port);
        byCard.get("/malls/" + mall.id() + "/wifi");
        var connected = byCard.post("/malls/" + mall.id() + "/wifi/member", Map.of("memberCode", token));
        assertThat(connected.body()).contains("wifi-connected").doesNotContain("wifi-my-orders");
        assertThat(byCard.get("/me/orders").status()).isEqualTo(302);
        assertThat(byCard.get("/me/orders").location()).contains("/signin");
    }

    @Test
    void aSecondSignInWithinThirtyMinutesExtendsTheVisitAndALaterOneStartsAnother() {
        clock.freeze();
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("停留广场"), 1);
        var phone = Fixtures.uniquePhone();
        assertThat(bySms(mall.id(), phone, Map.of()).body()).contains("wifi-joined");

        clock.advance(Duration.ofMinutes(20));
        var second = bySms(mall.id(), phone, Map.of());
        assertThat(second.body()).contains("wifi-connected", "wifi-dwell").doesNotContain("wifi-joined");
        var visits = visits(mall.id());
        assertThat(visits).hasSize(1);
        assertThat(Duration.between(visits.getFirst().firstSeen(), visits.getFirst().lastSeen()))
                .isEqualTo(Duration.ofMinutes(20));
        assertThat(visits.getFirst().signIns()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(31));
        bySms(mall.id(), phone, Map.of());
        visits = visits(mall.id());
        assertThat(visits).hasSize(2);
        assertThat(visits.get(1).firstSeen()).isEqualTo(visits.get(1).lastSeen());
    }

    @Test
    void aMemberSignsInWithTheMallsMemberCode() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("会员广场"), 1);
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", mall.operator().id()), customer).status())
                .isEqualTo(200);
        // a shop outside the mall: its card is no member code of the mall (a tenant's is, being of the mall's programme)
        var outside = fixtures.approvedMerchant(Fixtures.unique("场外小店"));
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", outside.id()), customer).status())
                .isEqualTo(200);
        var token = api.get("/api/v1/me/memberships/" + mall.operator().id() + "/qr-token", customer).text("token");
        var outsideToken = api.get("/api/v1/me/memberships/" + outside.id() + "/qr-token", customer).text("token");

        var session = new WebSession(port);
        session.get("/malls/" + mall.id() + "/wifi");
        // another shop's card, a changed digit and nonsense are refused on the page, with nothing recorded
        for (var wrong : List.of(outsideToken, token.substring(0, 12) + (token.charAt(12) == '1' ? '2' : '1')
                + token.substring(13), "not a code")) {
            var refused = session.post("/malls/" + mall.id() + "/wifi/member", Map.of("memberCode", wrong));
            assertThat(refused.body()).as(wrong).contains("wifi-member-error").doesNotContain("wifi-connected");
        }
        assertThat(visits(mall.id())).isEmpty();

        var done = session.post("/malls/" + mall.id() + "/wifi/member", Map.of("memberCode", token));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("wifi-connected").doesNotContain("wifi-joined");
        assertThat(visits(mall.id())).hasSize(1);
    }

    @Test
    void aWrongCodeOrAnUnknownMallRecordsNothing() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("错码广场"), 1);
        var phone = Fixtures.uniquePhone();
        var session = new WebSession(port);
        session.get("/malls/" + mall.id() + "/wifi");
        session.post("/malls/" + mall.id() + "/wifi/code", Map.of("phone", phone));
        var code = fixtures.latestCode(phone);
        var wrong = session.post("/malls/" + mall.id() + "/wifi",
                Map.of("phone", phone, "code", code.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.body()).contains("wifi-status", "wifi-signin-form").doesNotContain("wifi-connected");
        var malformed = session.post("/malls/" + mall.id() + "/wifi", Map.of("phone", phone, "code", "12"));
        assertThat(malformed.body()).doesNotContain("wifi-connected");
        var badPhone = session.post("/malls/" + mall.id() + "/wifi/code", Map.of("phone", "12345"));
        assertThat(badPhone.body()).contains("wifi-status").doesNotContain("wifi-connected");
        var tooLong = session.post("/malls/" + mall.id() + "/wifi",
                Map.of("phone", phone, "code", code, "mac", "x".repeat(65)));
        assertThat(tooLong.body()).doesNotContain("wifi-connected");
        assertThat(visits(mall.id())).isEmpty();

        var unknown = UUID.randomUUID();
        assertThat(new WebSession(port).get("/malls/" + unknown + "/wifi").status()).isEqualTo(404);
        var elsewhere = new WebSession(port);
        elsewhere.get("/malls/" + mall.id() + "/wifi");
        assertThat(elsewhere.post("/malls/" + unknown + "/wifi", Map.of("phone", phone, "code", code)).status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from footfall_visit where mall_id = :m").param("m", unknown)
                .query(Long.class).single()).isZero();
        // the right code still works: the failures above neither used it up nor recorded anything
        var right = session.post("/malls/" + mall.id() + "/wifi", Map.of("phone", phone, "code", code));
        assertThat(right.body()).contains("wifi-connected");
        assertThat(visits(mall.id())).hasSize(1);
    }
    @Test
    void eightSignInsOfOneMemberAtOnceMakeOneVisit() throws Exception {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("并发无线"), 1);
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", mall.operator().id()), customer).status())
                .isEqualTo(200);
        var token = api.get("/api/v1/me/memberships/" + mall.operator().id() + "/qr-token", customer).text("token");
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<WebSession.Page>>();
        for (int i = 0; i < 8; i++) {
            var session = new WebSession(port);
            session.get("/malls/" + mall.id() + "/wifi");
            tasks.add(() -> session.post("/malls/" + mall.id() + "/wifi/member", Map.of("memberCode", token)));
        }
        assertThat(o2o.testing.Concurrently.atOnce(tasks)).allSatisfy(p -> assertThat(p.body()).contains("wifi-connected"));
        var visits = visits(mall.id());
        assertThat(visits).hasSize(1);
        assertThat(visits.getFirst().signIns()).isEqualTo(8);
    }
}
