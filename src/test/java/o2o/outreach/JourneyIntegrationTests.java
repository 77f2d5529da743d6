package o2o.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.PosSaleBodies;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Journeys take each member in once per occurrence, even swept by two nodes at once, from the event or the time that starts them: welcome on joining,
 * a review request after a member's POS sale, win-back after days without a visit, birthday, points about to expire;
 * a paused journey takes nobody.
 */
class JourneyIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JourneySweeps sweeps;

    @Autowired
    Journeys journeys;

    @BeforeEach
    void daytime() {
        OutreachWorld.daytime(clock);
    }

    private String journey(OutreachWorld world, String name, String kind, Integer days, String text) {
        var campaign = world.campaign(name);
        var body = new java.util.HashMap<String, Object>();
        body.put("kind", kind);
        if (days != null) body.put("triggerDays", days);
        body.put("message", Map.of("channels", java.util.List.of("SMS"), "text", text));
        body.put("holdoutPercent", 0);
        var planned = world.plan(campaign, body);
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        assertThat(planned.body().path("status").asString()).isEqualTo("ACTIVE");
        journeys.changed();
        api.put("/api/v1/merchant/outreach/settings", Map.of("capDays", 0), world.merchant.ownerToken());
        return campaign;
    }

    private OutreachWorld current;

    private void awaitSms(OutreachWorld.Member member, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> current.marketingSms(member.phone()) >= count);
    }

    @Test
    void aNewMemberIsWelcomedOnceAndAPausedJourneyWelcomesNobody() {
        current = new OutreachWorld(api, fixtures, jdbc, "欢迎旅程");
        var welcome = journey(current, "欢迎", "WELCOME", null, "{name}，欢迎入会");
        var member = current.join("小李");
        awaitSms(member, 1);
        assertThat(current.lastMarketingSms(member.phone())).contains("小李，欢迎入会");
        current.join("小李", member.phone()); // joining again is no new member
        Drained.await(jdbc);

        var paused = api.post("/api/v1/merchant/campaigns/" + welcome + "/outreach/pause", null,
                current.merchant.ownerToken());
        assertThat(paused.body().path("status").asString()).isEqualTo("PAUSED");
        var late = current.join("小赵");
        Drained.await(jdbc);
        messagesBean.sendPending();
        assertThat(current.marketingSms(member.phone())).isEqualTo(1);
        assertThat(current.marketingSms(late.phone())).isZero();
        assertThat(current.arms(welcome)).containsOnlyKeys(member.id());
    }

    @Autowired
    OutreachMessages messagesBean;

    @Test
    void aMembersPosSaleBringsOneReviewRequestWithTheLinkToItsReviewForm() {
        current = new OutreachWorld(api, fixtures, jdbc, "评价邀请");
        var store = fixtures.store(current.merchant, o2o.testing.Fixtures.unique("评价店"), 31.2, 121.4, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                current.merchant.ownerToken()).text("secret");
        var member = current.join("老王");
        journey(current, "评价邀请", "REVIEW_REQUEST", null, "感谢光临，给我们评个分吧");
        var sale = PosSaleBodies.sale("R-1", 5600, clock.instant().minusSeconds(30), "CASH",
                Map.of("phone", member.phone()));
        var sold = api.post("/api/v1/pos/sales", sale, key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        assertThat(api.post("/api/v1/pos/sales", sale, key).status()).as("the same sale again").isIn(200, 201);
        awaitSms(member, 1);
        Drained.await(jdbc);
        messagesBean.sendPending();
        assertThat(current.marketingSms(member.phone())).isEqualTo(1);
        assertThat(current.lastMarketingSms(member.phone())).contains("给我们评个分吧")
                .contains("/me/orders/" + sold.text("orderId") + "/review");
    }

    /** Two sweeps at the same moment, as two nodes would run them. */
    private void sweepTwiceAtOnce() {
        try {
            o2o.testing.Concurrently.atOnce(java.util.List.<java.util.concurrent.Callable<Integer>>of(
                    () -> { sweeps.sweep(); return 0; }, () -> { sweeps.sweep(); return 0; }));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void winBackBirthdayAndExpiringPointsAreTakenInOncePerOccurrence() {
        current = new OutreachWorld(api, fixtures, jdbc, "定时旅程");
        var store = fixtures.store(current.merchant, o2o.testing.Fixtures.unique("定时店"), 31.2, 121.4, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                current.merchant.ownerToken()).text("secret");
        var regular = current.join("常客");
        var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale("W-1", 8800, clock.instant().minusSeconds(30),
                "CASH", Map.of("phone", regular.phone())), key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        Drained.await(jdbc);
        var winBack = journey(current, "召回", "WIN_BACK", 30, "好久不见");
        var birthday = journey(current, "生日", "BIRTHDAY", null, "生日快乐");
        var expiring = journey(current, "积分到期", "POINTS_EXPIRING", 30, "积分快过期了");
        jdbc.sql("update points_lot set expires_at = :at where customer_id = :c")
                .param("at", java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(20))))
                .param("c", regular.id()).update();

        var today = clock.instant().atZone(QuietHours.ZONE).toLocalDate();
        var birthdayBoy = current.join("寿星");
        jdbc.sql("update customer set birthday = :b where id = :id")
                .param("b", java.sql.Date.valueOf(today.minusYears(30))).param("id", birthdayBoy.id()).update();
        sweepTwiceAtOnce();
        assertThat(current.arms(birthday)).containsOnlyKeys(birthdayBoy.id());
        assertThat(current.arms(expiring)).as("the regular's points expire within 30 days")
                .containsOnlyKeys(regular.id());
        assertThat(current.arms(winBack)).as("came today").isEmpty();

        clock.advance(Duration.ofDays(31));
        OutreachWorld.daytime(clock);
        sweepTwiceAtOnce();
        assertThat(current.arms(winBack)).containsOnlyKeys(regular.id());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                current.marketingSms(regular.phone()) == 2 && current.marketingSms(birthdayBoy.phone()) == 1);
        assertThat(jdbc.sql("select count(*) from outreach_member where campaign_id = cast(:c as uuid)")
                .param("c", birthday).query(Integer.class).single()).as("once this year").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outreach_member where campaign_id = cast(:c as uuid)")
                .param("c", expiring).query(Integer.class).single()).as("once per expiry day").isEqualTo(1);
    }
}
