package o2o.reservations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static o2o.reservations.ReservationFixtures.settings;
import static o2o.reservations.ReservationFixtures.type;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.options.SelectOption;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A phone books tomorrow's 18:00 with a deposit, pays it on the sandbox page and sees the booking confirmed; the
 * store's staff, on another phone, check the party in at a table, and the waiter's board shows the table taken.
 */
class ReservationBrowserTests extends BrowserTest {

    @Test
    void aCustomerBooksAndPaysTheDepositAndStaffSeatTheParty() {
        var reservations = new ReservationFixtures(api, fixtures, clock);
        var merchant = fixtures.approvedMerchant("订座酒家");
        var store = reservations.store(merchant, "订座酒家店");
        reservations.configure(merchant, store, settings(List.of("12:00", "18:00"),
                List.of(type("小桌", 1, 2, 3), type("中桌", 3, 4, 2)), 5000, false, 24));
        var table = api.post("/api/v1/merchant/stores/" + store + "/tables", Map.of("label", "A8", "seats", 4),
                merchant.ownerToken());
        org.assertj.core.api.Assertions.assertThat(table.status()).as(table.raw()).isEqualTo(201);
        var tomorrow = reservations.tomorrow();

        page.navigate("/stores/" + store);
        page.locator("#to-reserve").click();
        page.waitForURL("**/stores/" + store + "/reserve");
        page.locator("#reserve-signin").click();
        page.waitForURL("**/signin?next=**");
        enterSmsCode(page, Fixtures.uniquePhone());
        page.waitForURL("**/stores/" + store + "/reserve");
        page.locator(".reserve-date[data-date='" + tomorrow + "']").click();
        page.waitForURL("**/reserve?date=" + tomorrow + "**");
        assertThat(page.locator("#reserve-type")).containsText("小桌");
        assertThat(page.locator("#reserve-deposit")).hasText("定金 ¥50.00");
        assertThat(page.locator("#reserve-policy")).containsText("24 小时");
        var evening = page.locator(".slot[data-time='18:00']");
        assertThat(evening.locator(".slot-left")).hasText("剩 3 桌");
        evening.locator(".slot-pick").check();
        page.locator("#reserve-name").fill("王先生");
        page.locator("#reserve-note").fill("靠窗");
        page.locator("#reserve-submit").click();

        page.waitForURL("**/sandbox/pay/**");
        assertThat(page.locator("#sandbox-amount")).hasText("¥50.00");
        page.locator("#sandbox-confirm").click();
        page.waitForURL("**/me/reservations/**");
        assertThat(page.locator("#booking-status-text")).hasText("已确认");
        assertThat(page.locator("#booking-when")).hasText(tomorrow + " 18:00");
        assertThat(page.locator("#booking-policy")).containsText("前取消，定金全额退还");
        assertThat(page.locator("#booking-cancel")).isVisible();

        // the party arrives a little before its time tomorrow
        var startsAt = java.time.ZonedDateTime.of(tomorrow, java.time.LocalTime.of(18, 0), ReservationFixtures.SHANGHAI)
                .toInstant();
        clock.advance(java.time.Duration.between(clock.instant(), startsAt.minusSeconds(600)));
        var staff = newPhone().newPage();
        staff.navigate("/staff/login");
        staff.locator("#username").fill(merchant.ownerUsername());
        staff.locator("#password").fill("password-1");
        staff.locator("#staff-submit").click();
        staff.waitForURL(url -> !url.contains("/staff/login"));
        staff.navigate("/merchant/stores/" + store + "/reservations?date=" + tomorrow);
        var row = staff.locator(".booking-row[data-name='王先生']");
        assertThat(row.locator(".booking-status")).hasText("已确认");
        assertThat(row.locator(".booking-deposit")).containsText("签到入座后原路退还");
        row.locator(".table-pick").selectOption(new SelectOption().setLabel("A8 · 4 座"));
        row.locator(".check-in-submit").click();
        assertThat(staff.locator("#day-done")).hasText("已入座；已付的定金已退还给顾客");
        assertThat(row.locator(".booking-status")).hasText("已入座");
        assertThat(row.locator(".booking-deposit-outcome")).hasText("¥50.00 定金已退还");

        staff.navigate("/merchant/stores/" + store + "/tables");
        var a8 = staff.locator(".table-row[data-table='A8']");
        assertThat(a8).hasClass(Pattern.compile("table-occupied"));
        assertThat(a8.locator(".table-party")).hasText("2 位");

        page.reload();
        assertThat(page.locator("#booking-status-text")).hasText("已入座");
        assertThat(page.locator("#booking-deposit-outcome")).hasText("定金已退还");
    }
}
