package o2o.malls;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;
import o2o.ledger.Ledger;
import o2o.testing.Api;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import o2o.testing.PosSaleBodies;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A mall member's day, on a 360 px phone: signs in to the mall's Wi-Fi (a visit, and a member now), claims a mall
 * coupon and spends it on a deal at one tenant, earns points at another tenant's till, checks in at the mall's
 * event, and pays the car park with the points, the fee less the day's purchases.
 */
class MemberDayBrowserTests extends BrowserTest {

    /** Paying, earning and the ledger follow the payment asynchronously: allow them a while. */
    private static final LocatorAssertions.HasTextOptions PATIENTLY =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);
    private static final int WIDTH = 360;

    @Autowired
    Ledger ledger;

    @Test
    void aMemberSignsInToTheWifiSpendsAMallCouponEarnsPointsChecksInAtAnEventAndPaysTheCarParkWithPoints() {
        var mall = new MallFixtures(api, fixtures).mall(Fixtures.unique("会员日广场"), 2);
        var operator = mall.operator().ownerToken();
        var a = mall.tenants().get(0);
        var b = mall.tenants().get(1);
        var coupons = new MallCouponFixtures(api, fixtures, ledger);
        var couponBody = MallCouponFixtures.body(2_000, 5_000, 10, 1);
        coupons.issue(mall, couponBody);
        var couponTitle = (String) couponBody.get("title");
        var deal = fixtures.deal(a.merchant(), Set.of(a.store()), 10_000, null, false, "ANYTIME");
        var tillOfB = posKey(b.merchant(), b.store(), "收银台");
        var carPark = posKey(mall.operator(), mall.building(), "道闸");
        var event = api.post("/api/v1/merchant/mall/events", Map.of("title", Fixtures.unique("亲子手工"),
                "description", "材料免费", "place", "L1 中庭",
                "startsAt", clock.instant().plus(Duration.ofHours(1)).toString(),
                "endsAt", clock.instant().plus(Duration.ofHours(3)).toString(),
                "capacity", 20, "price", Map.of("minor", 0, "currency", "CNY")), operator);
        assertThat(event.status()).as(event.raw()).isEqualTo(201);
        var eventId = event.text("id");
        // the car park's points: 10 to the yuan (the default rules price the stay: ¥10 an hour after 15 free minutes,
        // an hour free for each ¥100 spent at the tenants that day)
        var rate = api.put("/api/v1/merchant/points-program/redemption",
                Map.of("pointsPerYuanOff", 10, "capPercent", 100, "minPointsPerUse", 0), operator);
        assertThat(rate.status()).as(rate.raw()).isEqualTo(200);
        page.setViewportSize(WIDTH, 780);
        var phone = Fixtures.uniquePhone();

        // 1. Wi-Fi: the captive portal, phone and SMS code
        page.navigate("/malls/" + mall.id() + "/wifi");
        fitsThePhone();
        page.locator("#wifi-phone-input").fill(phone);
        page.locator("#wifi-send-code").click();
        page.locator("#wifi-code").fill(fixtures.latestCode(phone));
        page.locator("#wifi-connect").click();
        assertThat(page.locator("#wifi-connected")).hasText("已连接");
        assertThat(page.locator("#wifi-joined")).isVisible();
        fitsThePhone();
        var members = dashboard(operator).path("members");
        assertThat(members.path("wifiVisits").asLong()).as("the visit recorded").isEqualTo(1);
        var lookup = api.get("/api/v1/merchant/members/lookup?phone=" + phone, operator);
        assertThat(lookup.status()).as("the visitor joined the mall: " + lookup.raw()).isEqualTo(200);

        // 2. A mall coupon claimed and spent at tenant A: the portal's SMS sign-in signed the browser in to the site
        page.navigate("/malls/" + mall.id() + "/coupons");
        fitsThePhone();
        var offer = page.locator("#mall-coupons .coupon", new Page.LocatorOptions().setHasText(couponTitle));
        offer.locator("button.claim").click();
        assertThat(offer.locator(".claimed")).isVisible();
        page.navigate("/me/coupons");
        assertThat(page.locator("#wallet")).containsText(couponTitle);
        fitsThePhone();

        page.navigate("/deals/" + deal);
        fitsThePhone();
        page.locator("#coupon").selectOption(new SelectOption().setLabel(couponTitle + " · -¥20.00 · 满 ¥50.00 可用"));
        page.locator("#buy").click();
        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥80.00");
        page.locator("#sandbox-confirm").click();
        page.waitForURL(Pattern.compile(".*/me/orders/[0-9a-f-]{36}$"));
        assertThat(page.locator("#order-status-text")).hasText("已支付", PATIENTLY);
        assertThat(page.locator("#order-discount")).hasText("-¥20.00");
        assertThat(page.locator("#order-total")).hasText("¥80.00");
        fitsThePhone();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> coupons.due(mall.id(), a.merchant().id()) == 2_000);
        assertThat(coupons.funded(mall.id(), mall.operator().id())).as("the mall funds the discount").isEqualTo(-2_000);
        long afterA = awaitPoints(mall, phone, 80);

        // 3. Points at tenant B's till, the member named by phone
        var sale = api.post("/api/v1/pos/sales", PosSaleBodies.sale(Fixtures.unique("DAY-"), 7_000,
                clock.instant().minusSeconds(30), "WECHAT", Map.of("phone", phone)), tillOfB);
        assertThat(sale.status()).as(sale.raw()).isEqualTo(201);
        long afterB = awaitPoints(mall, phone, afterA + 70);
        page.navigate("/malls/" + mall.id() + "/card");
        assertThat(page.locator("#mall-card-points")).hasText(afterB + " 积分");
        assertThat(page.locator("#member-qr")).isVisible();
        fitsThePhone();

        // 4. The event: signed up on its page, checked in at the door by the mall's staff on their own phone
        page.navigate("/malls/" + mall.id() + "/events/" + eventId);
        fitsThePhone();
        page.locator("#sign-up").click();
        page.waitForURL("**/me/mall-events");
        var mine = page.locator("#my-sign-ups .my-sign-up");
        assertThat(mine).hasCount(1);
        assertThat(mine.locator(".sign-up-status")).hasText("报名成功");
        assertThat(mine.locator(".qr-image")).isVisible();
        fitsThePhone();
        var ticket = mine.locator(".ticket-token").textContent().strip();

        var door = newPhone().newPage();
        door.setViewportSize(WIDTH, 780);
        door.navigate("/staff/login");
        door.locator("#username").fill(mall.operator().ownerUsername());
        door.locator("#password").fill("password-1");
        door.locator("#staff-submit").click();
        door.waitForURL(url -> !url.contains("/staff/login"));
        door.navigate("/merchant/mall/events/" + eventId + "/door");
        door.locator("#qrToken").fill(ticket);
        door.locator("#door-submit").click();
        assertThat(door.locator("#door-outcome .outcome-title")).hasText("签到成功");

        page.reload();
        assertThat(mine.locator("p.muted", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("签到"))).containsText("已于");
        assertThat(mine.locator(".qr-image")).hasCount(0);

        // 5. Parking: the plate registered, the car came in two hours ago; the fee less the day's ¥150 at the tenants
        page.navigate("/me/plates");
        fitsThePhone();
        var plate = "沪A" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000));
        page.locator("#plate-input").fill(plate);
        page.locator("#plate-add").click();
        assertThat(page.locator("#plates")).containsText(plate);
        clock.freeze();
        var entryId = "E-" + UUID.randomUUID().toString().substring(0, 8);
        var entered = api.post("/api/v1/pos/parking/entries", Map.of("plate", plate, "entryId", entryId,
                "enteredAt", clock.instant().minus(Duration.ofHours(2)).toString()), carPark);
        assertThat(entered.status()).as(entered.raw()).isEqualTo(201);

        page.navigate("/me/parking");
        fitsThePhone();
        var stay = page.locator(".parking-stay");
        assertThat(stay).hasCount(1);
        assertThat(stay.locator(".parking-fee")).hasText("¥20.00");
        assertThat(stay.locator(".parking-discounts")).containsText("今日消费 ¥150.00，免 1 小时");
        assertThat(stay.locator(".parking-due")).hasText("¥10.00");
        assertThat(stay.locator(".parking-pay")).hasText("用 100 积分支付");
        stay.locator(".parking-pay").click();
        assertThat(page.locator("#parking-paid")).hasText("已用 100 积分支付停车费");
        assertThat(stay.locator(".parking-leave-by")).containsText("已用 100 积分支付");
        assertThat(points(mall, phone)).as("exactly the points shown").isEqualTo(afterB - 100);
        page.navigate("/malls/" + mall.id() + "/card");
        assertThat(page.locator("#mall-card-points")).hasText((afterB - 100) + " 积分");

        var out = api.post("/api/v1/pos/parking/exits", Map.of("plate", plate, "entryId", entryId,
                "exitedAt", clock.instant().plus(Duration.ofMinutes(5)).toString()), carPark);
        assertThat(out.status()).as(out.raw()).isEqualTo(200);
        assertThat(out.body().path("due").path("minor").asLong()).isZero();
        assertThat(out.body().path("paidInAdvance").path("minor").asLong()).isEqualTo(1_000);
        assertThat(out.body().path("barrierOpens").asBoolean()).isTrue();

        // and the mall's dashboard counts the Wi-Fi visitor who bought at its tenants that day
        var day = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> dashboard(operator).path("members"), m -> m.path("buyers").asLong() == 1);
        assertThat(day.path("wifiVisits").asLong()).isEqualTo(1);
        assertThat(day.path("visitingMembers").asLong()).isEqualTo(1);
        assertThat(day.path("conversionPerMille").asLong()).isEqualTo(1_000);
    }

    private String posKey(Fixtures.MerchantFixture merchant, UUID store, String name) {
        var created = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", name),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("secret");
    }

    private JsonNode dashboard(String operator) {
        var answer = api.get("/api/v1/merchant/mall/dashboard", operator);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    /** The member's points in the mall's program, as the mall's operator finds them by phone. */
    private long points(MallFixtures.MallFixture mall, String phone) {
        Api.Response found = api.get("/api/v1/merchant/members/lookup?phone=" + phone, mall.operator().ownerToken());
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        return found.body().path("points").asLong();
    }

    private long awaitPoints(MallFixtures.MallFixture mall, String phone, long points) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> points(mall, phone) == points);
        return points;
    }

    /** No horizontal scroll on the 360 px phone. */
    private void fitsThePhone() {
        page.waitForLoadState();
        var scroll = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(scroll).as(page.url() + " is " + scroll + " px wide").isLessThanOrEqualTo(WIDTH);
    }
}
