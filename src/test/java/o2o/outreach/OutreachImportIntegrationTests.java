package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A send imported from history: recorded finished at its time, each of the segment's members taken in once in the
 * arm the real holdout decides, treated members' messages recorded as sent then; nothing is given or sent now, and
 * its results read the arms.
 */
class OutreachImportIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutreachImport imports;

    @Test
    void aPastSendIsRecordedFinishedInTheHoldoutsArmsOnceAndGivesNothingNow() {
        var world = new OutreachWorld(api, fixtures, jdbc, "历史发送").withMembers(40);
        var segment = UUID.fromString(world.everyone());
        var campaign = UUID.fromString(world.campaign("上月老客回馈"));
        var owner = jdbc.sql("select id from staff_account where username = :u")
                .param("u", world.merchant.ownerUsername()).query(UUID.class).single();
        var sentAt = clock.instant().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
        var plan = new OutreachPlan(OutreachKind.TARGETED, segment, null, new Offer(Offer.Kind.POINTS, null, 50L, null),
                new MessagePlan(Set.of(MessagePlan.Channel.SMS), "{name}，送你 50 积分"), sentAt, 10);
        var merchant = new MerchantId(world.merchant.id());

        assertThat(imports.importSent(merchant, campaign, owner, plan, sentAt)).isEqualTo(40);
        assertThat(imports.importSent(merchant, campaign, owner, plan, sentAt)).as("recorded once").isZero();

        var view = api.get("/api/v1/merchant/campaigns/" + campaign + "/outreach", world.merchant.ownerToken());
        assertThat(view.status()).as(view.raw()).isEqualTo(200);
        assertThat(view.text("status")).isEqualTo("SENT");
        assertThat(Instant.parse(view.text("sentAt"))).isEqualTo(sentAt);
        assertThat(view.body().path("audienceSize").asInt()).isEqualTo(40);
        int treated = view.body().path("treated").asInt();
        assertThat(treated + view.body().path("heldOut").asInt()).isEqualTo(40);
        assertThat(view.body().path("messages").path("SENT").asInt()).isEqualTo(treated);
        assertThat(view.body().path("messages").path("PENDING").asInt()).isZero();

        var arms = world.arms(campaign.toString());
        var holdout = new Holdout(10);
        for (var member : world.members) {
            boolean held = holdout.holdsOut(campaign, new CustomerId(member.id()));
            assertThat(arms.get(member.id())).isEqualTo(held ? "HOLDOUT" : "TREATED");
            assertThat(world.bonusPoints(campaign.toString(), member.id())).as("nothing given now").isZero();
            assertThat(world.marketingSms(member.phone())).as("nothing sent now").isZero();
        }

        var uplift = api.get("/api/v1/merchant/campaigns/" + campaign + "/uplift", world.merchant.ownerToken());
        assertThat(uplift.status()).as(uplift.raw()).isEqualTo(200);
        assertThat(uplift.body().path("treated").path("members").asInt()).isEqualTo(treated);
        assertThat(uplift.body().path("complete").asBoolean()).as("its 14 days closed two weeks ago").isTrue();
    }
}
