package o2o.outreach;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import o2o.testing.BrowserTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.PosSaleBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A finished send on a phone: the owner opens it from the outreach list and sees the two charts drawn (treated
 * against held out, with their intervals) before the figures, which agree with the uplift the API reports, at 360 px.
 */
class OutreachResultsBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theResultsOfAFinishedSendShowTheirChartsAndFigures() {
        OutreachWorld.daytime(clock);
        var world = new OutreachWorld(api, fixtures, jdbc, "效果商户").withMembers(40);
        var store = fixtures.store(world.merchant, Fixtures.unique("效果商户 · 静安店"), 31.23, 121.46, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                world.merchant.ownerToken()).text("secret");
        var campaign = world.campaign("会员回馈 · 春季");
        var body = OutreachWorld.send(world.everyone(), Map.of("kind", "POINTS", "points", 20),
                Map.of("channels", java.util.List.of("IN_APP"), "text", "{name}，送你 20 积分"));
        body.put("holdoutPercent", 30);
        org.assertj.core.api.Assertions.assertThat(world.plan(campaign, body).status()).isEqualTo(201);
        world.awaitSent(campaign);

        clock.advance(Duration.ofMinutes(10));
        var arms = world.arms(campaign);
        int treatedBuyers = 0;
        boolean heldBought = false;
        int n = 0;
        for (var member : world.members) {
            var treated = arms.get(member.id()).equals("TREATED");
            if (treated ? n++ % 2 == 0 : !heldBought) {
                var sale = api.post("/api/v1/pos/sales", PosSaleBodies.sale("U-" + UUID.randomUUID(),
                        treated ? 8000 : 5000, clock.instant().minusSeconds(60), "CASH",
                        Map.of("phone", member.phone())), key);
                org.assertj.core.api.Assertions.assertThat(sale.status()).as(sale.raw()).isEqualTo(201);
                if (treated) treatedBuyers++;
                else heldBought = true;
            }
        }
        Drained.await(jdbc);
        var uplift = api.get("/api/v1/merchant/campaigns/" + campaign + "/uplift", world.merchant.ownerToken()).body();
        org.assertj.core.api.Assertions.assertThat(uplift.path("treated").path("converted").asInt())
                .isEqualTo(treatedBuyers);

        page.setViewportSize(360, 780);
        signInAsStaff(world.merchant.ownerUsername(), "password-1");
        page.navigate("/merchant/outreach");
        page.locator("#results-" + campaign).click();
        page.waitForURL("**/merchant/outreach/" + campaign);
        page.waitForFunction("() => typeof Chart !== 'undefined'"
                + " && Chart.getChart(document.getElementById('chart-conversion')) !== undefined"
                + " && Chart.getChart(document.getElementById('chart-spend')) !== undefined");
        var bars = page.evaluate("() => Chart.getChart(document.getElementById('chart-conversion')).data.datasets"
                + ".map(d => d.data.length)");
        org.assertj.core.api.Assertions.assertThat(bars).as("arms and their intervals").asList()
                .containsExactly(2, 2);
        boolean chartsFirst = (Boolean) page.evaluate("() => (document.getElementById('chart-spend')"
                + ".compareDocumentPosition(document.getElementById('uplift-figures'))"
                + " & Node.DOCUMENT_POSITION_FOLLOWING) !== 0");
        org.assertj.core.api.Assertions.assertThat(chartsFirst).as("the charts come before the figures").isTrue();

        var treated = uplift.path("treated");
        var held = uplift.path("holdout");
        assertThat(page.locator("#treated-members")).hasText(String.valueOf(treated.path("members").asInt()));
        assertThat(page.locator("#held-out-members")).hasText(String.valueOf(held.path("members").asInt()));
        assertThat(page.locator("#messages-sent")).hasText(String.valueOf(treated.path("members").asInt()));
        assertThat(page.locator("#conversion-uplift")).hasText(String.format(java.util.Locale.ROOT, "%+.1f 个百分点",
                uplift.path("conversionUplift").path("estimate").asDouble() * 100));
        assertThat(page.locator("#spend-uplift")).hasText(yuan(
                uplift.path("spendUpliftPerMemberMinor").path("estimate").asDouble()));
        assertThat(page.locator("#incremental-revenue")).hasText(yuan(
                uplift.path("incrementalRevenueMinor").path("estimate").asDouble()));
        assertThat(page.locator("#spend-interval")).hasText(yuan(
                uplift.path("spendUpliftPerMemberMinor").path("low").asDouble()) + " – "
                + yuan(uplift.path("spendUpliftPerMemberMinor").path("high").asDouble()));
        assertThat(page.locator("#cost-gifts")).hasText("¥0.00");
        assertThat(page.locator("#spend-verdict")).containsText(uplift.path("significant").asBoolean()
                ? "在零之上" : "包含零");
        assertThat(page.locator("#window")).containsText("窗口到");
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as("results at 360 px").isTrue();
    }

    private static String yuan(double minor) {
        var text = String.format(java.util.Locale.ROOT, "%.2f", minor / 100);
        return text.startsWith("-") ? "-¥" + text.substring(1) : "¥" + text;
    }
}
