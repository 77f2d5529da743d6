package o2o.mallevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import o2o.malls.MallFixtures;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/** The operator's event pages, the customer's 报名 and QR code, and the door page checking the code in once. */
class MallEventPagesIntegrationTests extends ApiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern TICKET = Pattern.compile("ME1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @Test
    void theOperatorCreatesAnEventACustomerSignsUpOnItsPageAndTheDoorChecksThemInOnce() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("页面广场"), 1);
        var owner = new WebSession(port).signInAsStaff(mall.operator().ownerUsername(), "password-1");
        assertThat(owner.get("/merchant/mall").body()).contains("/merchant/mall/events");
        assertThat(owner.get("/merchant/mall/events").status()).isEqualTo(200);
        var starts = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), SHANGHAI)
                .truncatedTo(ChronoUnit.MINUTES);
        var form = new HashMap<>(Map.of("title", "页面市集", "place", "B1 中庭", "description", "手作与美食",
                "startsAt", starts.toString(), "endsAt", starts.plusHours(2).toString(), "capacity", "30",
                "price", "0", "signUpDeadline", ""));

        var bad = new HashMap<>(form);
        bad.put("capacity", "0");
        assertThat(owner.post("/merchant/mall/events", bad).location()).endsWith("/merchant/mall/events");
        assertThat(owner.get("/merchant/mall/events").body()).doesNotContain("mall-event-row\"");
        var created = owner.post("/merchant/mall/events", form);
        assertThat(created.status()).isEqualTo(302);
        var eventPath = created.location().substring(created.location().indexOf("/merchant/mall/events/"));
        var eventId = eventPath.substring("/merchant/mall/events/".length());
        assertThat(owner.get(eventPath).body()).contains("页面市集").contains("已报名 0 / 30");

        var phone = Fixtures.uniquePhone();
        var customer = new WebSession(port).signInAsCustomer(phone, fixtures::latestCode);
        assertThat(customer.get("/malls/" + mall.id() + "/events").body()).contains("页面市集");
        assertThat(customer.get("/malls/" + mall.id() + "/events/" + eventId).body()).contains("sign-up-form");
        var signed = customer.post("/me/mall-events/" + eventId + "/sign-up", Map.of());
        assertThat(signed.location()).endsWith("/me/mall-events");
        var mine = customer.get("/me/mall-events").body();
        assertThat(mine).contains("报名成功").contains("qr.png");
        var ticket = TICKET.matcher(mine);
        assertThat(ticket.find()).isTrue();

        owner.get(eventPath + "/door");
        var first = owner.post(eventPath + "/door", Map.of("token", ticket.group()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("签到成功");
        var second = owner.post(eventPath + "/door", Map.of("token", ticket.group()));
        assertThat(second.body()).contains("无法签到").contains("签到过");
        assertThat(owner.get(eventPath).body()).contains("已签到 1 人");
        assertThat(customer.get("/me/mall-events").body()).contains("签到");
    }
}
