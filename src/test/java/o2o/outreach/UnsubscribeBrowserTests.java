package o2o.outreach;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import o2o.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member opens the unsubscribe link of a marketing SMS on a phone, sees whose messages it stops, and confirms. */
class UnsubscribeBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLinkInTheSmsAsksFirstThenStopsTheMerchantsMessages() {
        OutreachWorld.daytime(clock);
        var world = new OutreachWorld(api, fixtures, jdbc, "退订小馆").withMembers(1);
        var campaign = world.campaign("周末特惠");
        var body = OutreachWorld.send(world.everyone(), Map.of(), OutreachWorld.sms("{name}，周末来吃饭打八折"));
        body.put("holdoutPercent", 0);
        world.plan(campaign, body);
        world.awaitSent(campaign);
        var member = world.members.getFirst();
        var sms = world.lastMarketingSms(member.phone());
        org.assertj.core.api.Assertions.assertThat(sms).startsWith("【退订小馆").contains("会员0，周末来吃饭打八折");
        var link = Pattern.compile("/u/[A-Za-z0-9]+").matcher(sms);
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();

        page.setViewportSize(360, 780);
        page.navigate(link.group());
        assertThat(page.locator("#unsubscribe-ask")).containsText("退订小馆");
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        page.locator("#unsubscribe-confirm").click();
        assertThat(page.locator("#unsubscribed")).containsText("退订小馆");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                "select count(*) from outreach_opt_out where customer_id = :c").param("c", member.id())
                .query(Integer.class).single()).isEqualTo(1);
    }
}
