package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's outreach pages over the real HTTP stack, as an owner's browser uses them: the wizard creates a
 * campaign and the send it plans; input it refuses brings the form back with the problem beside its field and creates
 * nothing; journeys pause and resume from the list; the frequency cap is set there; another merchant's results are
 * not found.
 */
class OutreachConsoleIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void daytime() {
        OutreachWorld.daytime(clock);
    }

    private WebSession ownerOf(OutreachWorld world) {
        return new WebSession(port).signInAsStaff(world.merchant.ownerUsername(), "password-1");
    }

    private static Map<String, String> wizard(String name, String segment) {
        var form = new HashMap<String, String>();
        form.put("name", name);
        form.put("attributionDays", "14");
        form.put("kind", "TARGETED");
        form.put("segmentId", segment);
        form.put("offerKind", "POINTS");
        form.put("points", "50");
        form.put("channels", "IN_APP");
        form.put("text", "{name}，送你 50 积分");
        form.put("when", "now");
        form.put("holdoutPercent", "20");
        return form;
    }

    @Test
    void theWizardCreatesACampaignThatSendsToTheSegment() {
        var world = new OutreachWorld(api, fixtures, jdbc, "向导商户").withMembers(3);
        var segment = world.everyone();
        var web = ownerOf(world);

        var form = web.get("/merchant/outreach/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("全部会员 · 3 位会员").contains("{name}").contains("退订链接");

        var created = web.post("/merchant/outreach", wizard("春季回馈", segment));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.location()).contains("/merchant/outreach#outreach-");
        var campaign = created.location().substring(created.location().indexOf("#outreach-") + "#outreach-".length());

        var outreach = api.get("/api/v1/merchant/campaigns/" + campaign + "/outreach", world.merchant.ownerToken());
        assertThat(outreach.status()).as(outreach.raw()).isEqualTo(200);
        assertThat(outreach.body().path("kind").asString()).isEqualTo("TARGETED");
        assertThat(outreach.body().path("segmentId").asString()).isEqualTo(segment);
        assertThat(outreach.body().path("offer").path("kind").asString()).isEqualTo("POINTS");
        assertThat(outreach.body().path("offer").path("points").asLong()).isEqualTo(50);
        assertThat(outreach.body().path("channels").toString()).isEqualTo("[\"IN_APP\"]");
        assertThat(outreach.body().path("text").asString()).isEqualTo("{name}，送你 50 积分");
        assertThat(outreach.body().path("holdoutPercent").asInt()).isEqualTo(20);
        var terms = api.get("/api/v1/merchant/campaigns/" + campaign, world.merchant.ownerToken()).body().path("campaign");
        assertThat(terms.path("name").asString()).isEqualTo("春季回馈");
        assertThat(terms.path("attributionDays").asInt()).isEqualTo(14);
        var startsOn = java.time.LocalDate.parse(terms.path("startsOn").asString());
        assertThat(java.time.LocalDate.parse(terms.path("endsOn").asString()))
                .isEqualTo(startsOn.plusDays(14));

        world.awaitSent(campaign);
        var list = web.get("/merchant/outreach");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("春季回馈").contains("人群：全部会员 · 共 3 人")
                .contains("/merchant/outreach/" + campaign);
        var results = web.get("/merchant/outreach/" + campaign);
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).contains("id=\"chart-conversion\"").contains("id=\"chart-spend\"");
    }

    @Test
    void refusedInputComesBackBesideItsFieldAndCreatesNothing() {
        var world = new OutreachWorld(api, fixtures, jdbc, "向导拒绝").withMembers(1);
        var segment = world.everyone();
        var web = ownerOf(world);
        web.get("/merchant/outreach/new");

        var tooMany = wizard("积分太多", segment);
        tooMany.put("points", "999999");
        var again = web.post("/merchant/outreach", tooMany);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("id=\"error-offer-points\"").contains("赠送积分为 1–100000")
                .contains("value=\"积分太多\"").contains("value=\"999999\"");

        var noSegment = wizard("没选人群", "");
        var missing = web.post("/merchant/outreach", noSegment);
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body()).contains("id=\"error-segmentId\"").contains("请选择一个人群");

        var held = wizard("对照太多", segment);
        held.put("holdoutPercent", "80");
        var holdout = web.post("/merchant/outreach", held);
        assertThat(holdout.status()).isEqualTo(200);
        assertThat(holdout.body()).contains("id=\"error-holdoutPercent\"");

        assertThat(api.get("/api/v1/merchant/outreach", world.merchant.ownerToken()).body().path("items").size())
                .isZero();
        assertThat(api.get("/api/v1/merchant/campaigns", world.merchant.ownerToken()).body().path("items").size())
                .as("a refused plan leaves no campaign behind").isZero();
    }

    @Test
    void journeysPauseAndResumeFromTheListAndTheCapIsSetThere() {
        var world = new OutreachWorld(api, fixtures, jdbc, "旅程商户");
        var web = ownerOf(world);
        web.get("/merchant/outreach/new");
        var form = new HashMap<String, String>();
        form.put("name", "流失召回");
        form.put("kind", "WIN_BACK");
        form.put("triggerDays", "45");
        form.put("offerKind", "NONE");
        form.put("channels", "SMS");
        form.put("text", "{name}，好久不见");
        form.put("holdoutPercent", "10");
        var created = web.post("/merchant/outreach", form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        var campaign = created.location().substring(created.location().indexOf("#outreach-") + "#outreach-".length());

        var list = web.get("/merchant/outreach");
        assertThat(list.body()).contains("流失召回").contains("45 天").contains("id=\"pause-" + campaign + "\"");
        assertThat(web.post("/merchant/outreach/" + campaign + "/pause", Map.of()).status()).isEqualTo(302);
        assertThat(status(world, campaign)).isEqualTo("PAUSED");
        assertThat(web.get("/merchant/outreach").body()).contains("id=\"resume-" + campaign + "\"");
        assertThat(web.post("/merchant/outreach/" + campaign + "/resume", Map.of()).status()).isEqualTo(302);
        assertThat(status(world, campaign)).isEqualTo("ACTIVE");

        assertThat(web.post("/merchant/outreach/settings", Map.of("capDays", "5")).status()).isEqualTo(302);
        assertThat(api.get("/api/v1/merchant/outreach/settings", world.merchant.ownerToken()).body()
                .path("capDays").asInt()).isEqualTo(5);
        var refused = web.post("/merchant/outreach/settings", Map.of("capDays", "120"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"cap-error\"").contains("频次上限为 0–90 天")
                .contains("value=\"120\"");
        assertThat(api.get("/api/v1/merchant/outreach/settings", world.merchant.ownerToken()).body()
                .path("capDays").asInt()).isEqualTo(5);
    }

    @Test
    void aMerchantCannotOpenAnotherMerchantsResults() {
        var theirs = new OutreachWorld(api, fixtures, jdbc, "别家商户").withMembers(1);
        var campaign = theirs.campaign("别家活动");
        var planned = theirs.plan(campaign, OutreachWorld.send(theirs.everyone(), Map.of("kind", "POINTS",
                "points", 10), Map.of()));
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        var mine = new OutreachWorld(api, fixtures, jdbc, "自家商户");
        var web = ownerOf(mine);

        assertThat(web.get("/merchant/outreach/" + campaign).status()).isEqualTo(404);
        assertThat(ownerOf(theirs).get("/merchant/outreach/" + campaign).status()).isEqualTo(200);
        assertThat(web.get("/merchant/outreach").body()).doesNotContain("别家活动");
    }

    private String status(OutreachWorld world, String campaign) {
        return api.get("/api/v1/merchant/campaigns/" + campaign + "/outreach", world.merchant.ownerToken()).body()
                .path("status").asString();
    }
}
