package o2o.dining;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Media;
import o2o.identity.Role;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The owner prints the table QR sheet; a phone scans a table, signs in and joins; the waiter sees the table taken. */
class TableQrBrowserTests extends BrowserTest {

    @Test
    void theOwnerPrintsTheSheetAPhoneScansSignsInAndJoinsAndTheWaiterSeesTheTableOccupied() {
        var dining = new DiningFixtures(api, fixtures, port);
        var merchant = fixtures.approvedMerchant("扫码小馆");
        var store = fixtures.store(merchant, Fixtures.unique("扫码小馆店"), 31.2, 121.4, "本帮菜");
        var hall = dining.area(merchant, store, "大厅");
        var a12 = dining.table(merchant, store, "A12", hall);
        dining.table(merchant, store, "B3", null);

        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.locator("#to-dining").click();
        page.waitForURL("**/merchant/dining");
        page.locator("#dining-stores a[href$='/tables/sheet']").click();
        page.waitForURL("**/tables/sheet");
        page.locator("#sheet-src").fill("poster");
        page.locator("#sheet-apply").click();
        page.waitForURL("**/tables/sheet?src=poster");
        assertThat(page.locator(".table-card")).hasCount(2);
        assertThat(page.locator(".table-card-label")).containsText(new String[] {"A12", "B3"});
        assertThat(page.locator(".table-card-area").first()).hasText("大厅");
        page.waitForFunction("() => [...document.querySelectorAll('.table-card-qr')]"
                + ".every(i => i.complete && i.naturalWidth > 0)");
        org.assertj.core.api.Assertions.assertThat(page.locator(".table-card-qr").first().getAttribute("src"))
                .contains("src=poster");
        page.emulateMedia(new Page.EmulateMediaOptions()
                .setMedia(Media.PRINT));
        assertThat(page.locator("#print-sheet")).isHidden();
        assertThat(page.locator(".table-card").first()).isVisible();

        var printedUrl = page.locator(".table-card", new Page.LocatorOptions().setHasText("A12"))
                .locator(".table-card-url").getAttribute("href");
        org.assertj.core.api.Assertions.assertThat(printedUrl).as("the address the QR carries, printed under it")
                .endsWith("/t/" + a12.code() + "?src=poster");

        var phone = newPhone().newPage();
        phone.navigate(printedUrl);
        phone.waitForURL("**/t/" + a12.code() + "/join");
        assertThat(phone.locator("#scan-table")).containsText("A12");
        phone.locator("#signin-at-table").click();
        phone.waitForURL("**/signin?next=**");
        var number = Fixtures.uniquePhone();
        enterSmsCode(phone, number);
        phone.waitForURL("**/t/" + a12.code() + "/join");
        phone.locator("#join-name").fill("小李");
        phone.locator("#join-at-table").click();
        phone.waitForURL("**/t/" + a12.code() + "/order");

        var member = api.get("/api/v1/merchant/members/lookup?phone=" + number, merchant.ownerToken());
        org.assertj.core.api.Assertions.assertThat(member.status()).as(member.raw()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(member.text("channel")).isEqualTo("table-scan");
        var today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        var stats = api.get("/api/v1/merchant/dining/conversions?from=" + today + "&to=" + today,
                merchant.ownerToken()).body();
        org.assertj.core.api.Assertions.assertThat(stats).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(stats.get(0).path("trackingCode").asString()).isEqualTo("poster");
        org.assertj.core.api.Assertions.assertThat(stats.get(0).path("scans").asLong()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(stats.get(0).path("joined").asLong()).isEqualTo(1);

        page.navigate("/merchant/dining");
        assertThat(page.locator(".conversion-row .conversion-joined")).hasText("1");

        var waiter = newPhone().newPage();
        var username = Fixtures.unique("waiter");
        var hired = api.post("/api/v1/merchant/staff", Map.of("username", username, "password", "password-1",
                "displayName", "服务员", "role", Role.WAITER.name(), "storeIds", Set.of(store)), merchant.ownerToken());
        org.assertj.core.api.Assertions.assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        waiter.navigate("/staff/login");
        waiter.locator("#username").fill(username);
        waiter.locator("#password").fill("password-1");
        waiter.locator("#staff-submit").click();
        waiter.waitForURL(url -> !url.contains("/staff/login"));
        waiter.locator("#to-dining").click();
        waiter.waitForURL("**/merchant/dining");
        assertThat(waiter.locator("#conversions")).hasCount(0);
        waiter.locator("#dining-stores a[href$='/tables']").click();
        waiter.waitForURL("**/merchant/stores/" + store + "/tables");
        var a12Row = waiter.locator(".table-row[data-table='A12']");
        var b3Row = waiter.locator(".table-row[data-table='B3']");
        assertThat(a12Row).hasClass(Pattern.compile("table-occupied"));
        assertThat(a12Row.locator(".table-since")).isVisible();
        assertThat(b3Row).hasClass(Pattern.compile("table-free"));

        b3Row.locator(".party-size").fill("3");
        b3Row.locator(".seat").click();
        assertThat(b3Row.locator(".table-party")).hasText("3 位");
        a12Row.locator(".clear").click();
        assertThat(a12Row).hasClass(Pattern.compile("table-free"));

        // another diner scans A12 while the waiter watches: the board picks it up on its next poll
        org.assertj.core.api.Assertions.assertThat(api.get("/t/" + a12.code()).status()).isEqualTo(302);
        assertThat(a12Row).hasClass(Pattern.compile("table-occupied"),
                new LocatorAssertions.HasClassOptions().setTimeout(12_000));
    }
}
