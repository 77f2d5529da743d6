package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A send to a segment: each member is taken in once, in the arm the hash says; treated members get the offer and the
 * message once, held-out members nothing; a send raced on several threads (as on several nodes) and retried still
 * reaches each member once.
 */
class TargetedSendIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutreachSending sending;

    @BeforeEach
    void daytime() {
        OutreachWorld.daytime(clock);
    }

    @Test
    void aSendGivesTreatedMembersTheOfferAndMessageOnceAndTheHoldoutNothing() {
        var world = new OutreachWorld(api, fixtures, jdbc, "定向发送").withMembers(60);
        var segment = world.everyone();
        var campaign = world.campaign("老客回馈");
        var planned = world.plan(campaign, OutreachWorld.send(segment, Map.of("kind", "POINTS", "points", 50),
                OutreachWorld.sms("{name}，送你 50 积分，下次来用")));
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        assertThat(planned.body().path("holdoutPercent").asInt()).isEqualTo(10);
        world.awaitSent(campaign);

        var arms = world.arms(campaign);
        assertThat(arms).hasSize(60);
        var holdout = new Holdout(10);
        int treated = 0;
        for (var member : world.members) {
            boolean held = holdout.holdsOut(UUID.fromString(campaign), new o2o.shared.CustomerId(member.id()));
            assertThat(arms.get(member.id())).isEqualTo(held ? "HOLDOUT" : "TREATED");
            assertThat(world.bonusPoints(campaign, member.id())).as("points of %s", member).isEqualTo(held ? 0 : 50);
            assertThat(world.marketingSms(member.phone())).isEqualTo(held ? 0 : 1);
            if (!held) {
                treated++;
                var sms = world.lastMarketingSms(member.phone());
                assertThat(sms).contains("送你 50 积分").contains("/u/");
                assertThat(sms).contains(member.equals(world.members.getFirst()) ? "会员0" : "会员");
            }
        }
        var view = api.get("/api/v1/merchant/campaigns/" + campaign + "/outreach", world.merchant.ownerToken());
        assertThat(view.body().path("treated").asInt()).isEqualTo(treated);
        assertThat(view.body().path("heldOut").asInt()).isEqualTo(60 - treated);
        assertThat(view.body().path("audienceSize").asInt()).isEqualTo(60);
        assertThat(view.body().path("messages").path("SENT").asInt()).isEqualTo(treated);
        var listed = api.get("/api/v1/merchant/outreach", world.merchant.ownerToken()).body().path("items").get(0);
        assertThat(listed.path("treated").asInt()).as("the list counts the same").isEqualTo(treated);
        assertThat(listed.path("heldOut").asInt()).isEqualTo(60 - treated);
        assertThat(listed.path("messages").path("SENT").asInt()).isEqualTo(treated);

        assertThat(sending.send(UUID.fromString(campaign))).as("sent already: nobody again").isZero();
        var changed = world.plan(campaign, OutreachWorld.send(segment, Map.of("kind", "POINTS", "points", 80),
                OutreachWorld.sms("再送")));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(409);
        assertThat(changed.body().path("type").asString()).endsWith("outreach-already-sent");
    }

    @Test
    void aSendRacedOnEightThreadsReachesEachMemberOnceAndGivesEachGiftOnce() throws Exception {
        var world = new OutreachWorld(api, fixtures, jdbc, "并发发送").withMembers(120);
        var segment = world.everyone();
        var campaign = world.campaign("储值回馈");
        var body = OutreachWorld.send(segment, Map.of("kind", "STORED_VALUE",
                "amount", Map.of("minor", 1000, "currency", "CNY")), OutreachWorld.sms("送你 10 元储值"));
        body.put("sendAt", clock.instant().plus(Duration.ofHours(1)).toString());
        assertThat(world.plan(campaign, body).status()).isEqualTo(201);
        clock.advance(Duration.ofHours(1));
        var id = UUID.fromString(campaign);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 8; i++) tasks.add(() -> sending.send(id));
        var taken = Concurrently.atOnce(tasks);
        world.awaitSent(campaign);

        assertThat(taken.stream().mapToInt(Integer::intValue).sum()).as("taken in, over all racers")
                .isLessThanOrEqualTo(120);
        var arms = world.arms(campaign);
        assertThat(arms).hasSize(120);
        long treated = arms.values().stream().filter("TREATED"::equals).count();
        assertThat(jdbc.sql("select count(*) from ledger_entry where reference like :r")
                .param("r", "outreach:" + campaign + ":%").query(Long.class).single())
                .as("one gift per treated member").isEqualTo(treated);
        assertThat(jdbc.sql("""
                        select coalesce(sum(a.balance), 0) from ledger_account a
                         where a.kind = 'STORED_VALUE_BONUS' and a.merchant_id = :m
                        """).param("m", world.merchant.id()).query(Long.class).single())
                .isEqualTo(treated * 1000);
        for (var member : world.members) {
            assertThat(world.marketingSms(member.phone())).isEqualTo(
                    "TREATED".equals(arms.get(member.id())) ? 1 : 0);
        }
    }

    @Test
    void aCouponOfferIsLinkedToTheCampaignSoItsOrdersAreAttributed() {
        var world = new OutreachWorld(api, fixtures, jdbc, "发券").withMembers(20);
        var segment = world.everyone();
        var campaign = world.campaign("发券活动");
        var template = world.couponTemplate("五元券");
        var planned = world.plan(campaign, OutreachWorld.send(segment,
                Map.of("kind", "COUPON", "couponTemplateId", template), Map.of()));
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        world.awaitSent(campaign);
        var coupons = api.get("/api/v1/merchant/campaigns/" + campaign + "/coupons", world.merchant.ownerToken());
        assertThat(coupons.raw()).contains(template);
        var arms = world.arms(campaign);
        long treated = arms.values().stream().filter("TREATED"::equals).count();
        assertThat(jdbc.sql("select count(*) from coupon where template_id = cast(:t as uuid)")
                .param("t", template).query(Long.class).single()).isEqualTo(treated);
        var none = new ArrayList<String>();
        for (var member : world.members) if (world.marketingSms(member.phone()) > 0) none.add(member.phone());
        assertThat(none).as("no message was asked for").isEmpty();
    }
}
