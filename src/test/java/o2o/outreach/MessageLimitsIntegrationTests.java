package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import o2o.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marketing messages keep the merchant's frequency cap across campaigns, the member's opt-out by the link in the SMS,
 * and the quiet hours; the offer still reaches a capped or opted-out member.
 */
class MessageLimitsIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutreachMessages messages;

    @Test
    void theCapHoldsAcrossCampaignsAndTheUnsubscribeLinkStopsTheMerchantsMessages() {
        OutreachWorld.daytime(clock);
        var world = new OutreachWorld(api, fixtures, jdbc, "频控").withMembers(12);
        var segment = world.everyone();
        var noHoldout = (java.util.function.Function<String, Map<String, Object>>) text -> {
            var body = OutreachWorld.send(segment, Map.of(), OutreachWorld.sms(text));
            body.put("holdoutPercent", 0);
            return body;
        };
        var first = world.campaign("第一波");
        assertThat(world.plan(first, noHoldout.apply("第一条")).status()).isEqualTo(201);
        world.awaitSent(first);
        var second = world.campaign("第二波");
        assertThat(world.plan(second, noHoldout.apply("第二条")).status()).isEqualTo(201);
        world.awaitSent(second);
        var view = api.get("/api/v1/merchant/campaigns/" + second + "/outreach", world.merchant.ownerToken());
        assertThat(view.body().path("messages").path("CAPPED").asInt()).as("within 7 days of the first").isEqualTo(12);
        for (var member : world.members) assertThat(world.marketingSms(member.phone())).isEqualTo(1);

        var quitter = world.members.getFirst();
        var link = Pattern.compile("/u/([A-Za-z0-9]+)").matcher(world.lastMarketingSms(quitter.phone()));
        assertThat(link.find()).isTrue();
        var browser = new o2o.testing.WebSession(port);
        var page = browser.get("/u/" + link.group(1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("频控").contains("unsubscribe-confirm");
        assertThat(browser.post("/u/" + link.group(1), Map.of()).body()).contains("id=\"unsubscribed\"");
        assertThat(api.get("/u/nosuchtoken").status()).isEqualTo(404);

        clock.advance(Duration.ofDays(8));
        OutreachWorld.daytime(clock);
        var third = world.campaign("第三波");
        var body = OutreachWorld.send(segment, Map.of("kind", "POINTS", "points", 5), OutreachWorld.sms("第三条"));
        body.put("holdoutPercent", 0);
        assertThat(world.plan(third, body).status()).isEqualTo(201);
        world.awaitSent(third);
        view = api.get("/api/v1/merchant/campaigns/" + third + "/outreach", world.merchant.ownerToken());
        assertThat(view.body().path("messages").path("OPTED_OUT").asInt()).isEqualTo(1);
        assertThat(view.body().path("messages").path("SENT").asInt()).isEqualTo(11);
        assertThat(world.marketingSms(quitter.phone())).as("no more after opting out").isEqualTo(1);
        assertThat(world.bonusPoints(third, quitter.id())).as("the offer still reaches them").isEqualTo(5);
    }

    @Test
    void messagesDueInTheQuietHoursWaitUntilNine() {
        OutreachWorld.daytime(clock);
        // from 10:00 to 22:00 in China
        clock.advance(Duration.ofHours(12));
        assertThat(QuietHours.at(clock.instant())).isTrue();
        var world = new OutreachWorld(api, fixtures, jdbc, "免打扰").withMembers(5);
        var segment = world.everyone();
        api.put("/api/v1/merchant/outreach/settings", Map.of("capDays", 0), world.merchant.ownerToken());
        var campaign = world.campaign("夜里建的活动");
        var body = OutreachWorld.send(segment, Map.of(), OutreachWorld.sms("早上好"));
        body.put("holdoutPercent", 0);
        assertThat(world.plan(campaign, body).status()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get(
                "/api/v1/merchant/campaigns/" + campaign + "/outreach", world.merchant.ownerToken())
                .body().path("status").asString().equals("SENT"));
        assertThat(messages.sendBatch()).as("nothing goes out at 22:00").isZero();
        var view = api.get("/api/v1/merchant/campaigns/" + campaign + "/outreach", world.merchant.ownerToken());
        assertThat(view.body().path("messages").path("PENDING").asInt()).isEqualTo(5);
        for (var member : world.members) assertThat(world.marketingSms(member.phone())).isZero();

        var china = clock.instant().atZone(QuietHours.ZONE);
        var nine = china.toLocalDate().plusDays(1).atTime(LocalTime.of(9, 0)).atZone(QuietHours.ZONE).toInstant();
        clock.advance(Duration.between(clock.instant(), nine).plusMinutes(1));
        world.awaitSent(campaign);
        for (var member : world.members) assertThat(world.marketingSms(member.phone())).isEqualTo(1);
        assertThat(api.get("/api/v1/merchant/outreach/settings", world.merchant.ownerToken()).body()
                .path("capDays").asInt()).isZero();
    }

}
