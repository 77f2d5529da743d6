package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A merchant reaches only its own campaigns, segments and coupons; bad plans are refused naming the field and
 * change nothing; a journey is paused and resumed, a send is not.
 */
class OutreachAccessIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void daytime() {
        OutreachWorld.daytime(clock);
    }

    @Test
    void aMerchantNeverReachesAnotherMerchantsCampaignSegmentOrCoupon() {
        var a = new OutreachWorld(api, fixtures, jdbc, "触达甲").withMembers(3);
        var b = new OutreachWorld(api, fixtures, jdbc, "触达乙").withMembers(2);
        var aSegment = a.everyone();
        var aCampaign = a.campaign("甲的活动");
        var aCoupon = a.couponTemplate("甲的券");
        assertThat(a.plan(aCampaign, OutreachWorld.send(aSegment, Map.of(), OutreachWorld.sms("你好"))).status())
                .isEqualTo(201);
        a.awaitSent(aCampaign);

        var bToken = b.merchant.ownerToken();
        var path = "/api/v1/merchant/campaigns/" + aCampaign;
        assertThat(api.get(path + "/outreach", bToken).status()).isEqualTo(404);
        assertThat(api.get(path + "/uplift", bToken).status()).isEqualTo(404);
        assertThat(api.post(path + "/outreach/pause", null, bToken).status()).isEqualTo(404);
        assertThat(api.put(path + "/outreach", OutreachWorld.send(aSegment, Map.of(), OutreachWorld.sms("抢")),
                bToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/outreach", bToken).body().path("items").size()).isZero();

        var bCampaign = b.campaign("乙的活动");
        var withASegment = b.plan(bCampaign, OutreachWorld.send(aSegment, Map.of(), OutreachWorld.sms("越界")));
        assertThat(withASegment.status()).as(withASegment.raw()).isEqualTo(404);
        var withACoupon = b.plan(bCampaign, OutreachWorld.send(b.everyone(),
                Map.of("kind", "COUPON", "couponTemplateId", aCoupon), Map.of()));
        assertThat(withACoupon.status()).as(withACoupon.raw()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from outreach where campaign_id = cast(:c as uuid)")
                .param("c", bCampaign).query(Integer.class).single()).isZero();
        for (var member : b.members) assertThat(b.marketingSms(member.phone())).isZero();

        var cashier = fixtures.staff(a.merchant, Role.CASHIER, java.util.Set.of());
        assertThat(api.get(path + "/uplift", cashier).status()).isEqualTo(403);
    }

    @Test
    void badPlansAreRefusedNamingTheFieldAndChangeNothing() {
        var world = new OutreachWorld(api, fixtures, jdbc, "坏计划");
        var segment = world.everyone();
        var campaign = world.campaign("坏计划活动");
        var bad = new HashMap<String, Map<String, Object>>();
        bad.put("holdoutPercent", with(OutreachWorld.send(segment, Map.of(), OutreachWorld.sms("x")),
                "holdoutPercent", 60));
        bad.put("offer", OutreachWorld.send(segment, Map.of(), Map.of()));
        bad.put("message.text", OutreachWorld.send(segment, Map.of(), Map.of("channels", List.of("SMS"))));
        bad.put("offer.points", OutreachWorld.send(segment, Map.of("kind", "POINTS", "points", 0), Map.of()));
        bad.put("offer.amount", OutreachWorld.send(segment, Map.of("kind", "STORED_VALUE",
                "amount", Map.of("minor", 10_000_000, "currency", "CNY")), Map.of()));
        bad.put("offer.couponTemplateId", OutreachWorld.send(segment, Map.of("kind", "COUPON"), Map.of()));
        bad.put("segmentId", OutreachWorld.send(null, Map.of(), OutreachWorld.sms("x")));
        bad.put("sendAt", with(OutreachWorld.send(segment, Map.of(), OutreachWorld.sms("x")), "sendAt",
                clock.instant().plus(Duration.ofDays(400)).toString()));
        bad.put("triggerDays", Map.of("kind", "WIN_BACK", "triggerDays", 0, "message", OutreachWorld.sms("x")));
        bad.put("message.text ", OutreachWorld.send(segment, Map.of(), OutreachWorld.sms("长".repeat(201))));
        bad.forEach((field, body) -> {
            var response = world.plan(campaign, body);
            assertThat(response.status()).as("%s: %s", field, response.raw()).isEqualTo(400);
            assertThat(response.body().path("field").asString()).isEqualTo(field.strip());
        });
        var unknownKind = world.plan(campaign, Map.of("kind", "SPAM", "segmentId", segment));
        assertThat(unknownKind.status()).as(unknownKind.raw()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/campaigns/" + campaign + "/outreach", world.merchant.ownerToken())
                .status()).isEqualTo(404);
        assertThat(api.put("/api/v1/merchant/outreach/settings", Map.of("capDays", 91), world.merchant.ownerToken())
                .status()).isEqualTo(400);
        assertThat(api.put("/api/v1/merchant/outreach/settings", Map.of(), world.merchant.ownerToken()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/outreach/settings", world.merchant.ownerToken()).body()
                .path("capDays").asInt()).as("the default cap").isEqualTo(7);
    }

    @Test
    void aJourneyIsPausedAndResumedAndKeepsItsKind() {
        var world = new OutreachWorld(api, fixtures, jdbc, "旅程开关");
        var campaign = world.campaign("欢迎新会员");
        var body = Map.of("kind", "WELCOME", "message", Map.of("channels", List.of("IN_APP"), "text", "欢迎"));
        assertThat(world.plan(campaign, body).status()).isEqualTo(201);
        var path = "/api/v1/merchant/campaigns/" + campaign + "/outreach";
        var token = world.merchant.ownerToken();
        assertThat(api.post(path + "/pause", null, token).body().path("status").asString()).isEqualTo("PAUSED");
        assertThat(api.post(path + "/resume", null, token).body().path("status").asString()).isEqualTo("ACTIVE");
        var changed = world.plan(campaign, Map.of("kind", "WELCOME", "message",
                Map.of("channels", List.of("IN_APP"), "text", "欢迎光临")));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().path("text").asString()).isEqualTo("欢迎光临");
        assertThat(changed.body().path("status").asString()).isEqualTo("ACTIVE");
        var otherKind = world.plan(campaign, Map.of("kind", "BIRTHDAY", "message",
                Map.of("channels", List.of("IN_APP"), "text", "生日快乐")));
        assertThat(otherKind.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/merchant/outreach?journeys=true", token).body().path("items").size())
                .isEqualTo(1);

        var send = world.campaign("一次性发送");
        assertThat(world.plan(send, OutreachWorld.send(world.everyone(), Map.of(), OutreachWorld.sms("x"))).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/merchant/campaigns/" + send + "/outreach/pause", null, token).status())
                .isEqualTo(409);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }
}
