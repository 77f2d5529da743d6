package o2o.reservations;

import static o2o.reservations.ReservationFixtures.settingsPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/** The console's settings form and the customer's booking, list and cancel pages, driven as forms over HTTP. */
class ReservationPagesIntegrationTests extends ApiTest {

    private static Map<String, String> form() {
        var form = new HashMap<String, String>();
        for (var day : java.time.DayOfWeek.values()) form.put("slots_" + day, "11:30, 18:00 19:30");
        form.putAll(Map.of("typeName_0", "小桌", "typeMin_0", "1", "typeMax_0", "2", "typeTables_0", "4",
                "typeName_1", "包间", "typeMin_1", "6", "typeMax_1", "12", "typeTables_1", "1"));
        form.putAll(Map.of("daysAhead", "14", "cutoffMinutes", "30", "deposit", "0", "freeCancelHours", "12",
                "reminderMinutes", "90"));
        return form;
    }

    @Test
    void theOwnerSetsTheRulesOnTheFormAndABadFormChangesNothing() {
        var reservations = new ReservationFixtures(api, fixtures, clock);
        var merchant = fixtures.approvedMerchant("表单酒家");
        var store = reservations.store(merchant, "表单酒家店");
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        var page = "/merchant/stores/" + store + "/reservations/settings";
        assertThat(owner.get(page).status()).isEqualTo(200);

        var saved = owner.post(page, form());
        assertThat(saved.status()).isEqualTo(302);
        assertThat(owner.get(page).body()).contains("预订设置已保存").contains("11:30 18:00 19:30");
        var settings = api.get(settingsPath(store), merchant.ownerToken());
        assertThat(settings.status()).as(settings.raw()).isEqualTo(200);
        assertThat(settings.body().path("slots").path("FRIDAY").get(2).asString()).isEqualTo("19:30");
        assertThat(settings.body().path("tableTypes")).hasSize(2);
        assertThat(settings.body().path("tableTypes").get(1).path("name").asString()).isEqualTo("包间");
        assertThat(settings.body().path("cutoffMinutes").asInt()).isEqualTo(30);

        var bad = form();
        bad.put("typeMax_1", "4");
        owner.post(page, bad);
        assertThat(owner.get(page).body()).contains("输入有误");
        bad = form();
        bad.put("slots_MONDAY", "18:00 半夜");
        owner.post(page, bad);
        assertThat(owner.get(page).body()).contains("输入有误");
        assertThat(api.get(settingsPath(store), merchant.ownerToken()).raw()).isEqualTo(settings.raw());
    }

    @Test
    void aCustomerBooksOnThePageSeesTheBookingAndCancelsIt() {
        var reservations = new ReservationFixtures(api, fixtures, clock);
        var merchant = fixtures.approvedMerchant("表单酒家");
        var store = reservations.store(merchant, "表单酒家店");
        var owner = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        owner.get("/merchant/stores/" + store + "/reservations/settings");
        owner.post("/merchant/stores/" + store + "/reservations/settings", form());
        var tomorrow = reservations.tomorrow();

        var anonymous = new WebSession(port);
        var reservePage = anonymous.get("/stores/" + store + "/reserve?date=" + tomorrow + "&partySize=2");
        assertThat(reservePage.status()).isEqualTo(200);
        assertThat(reservePage.body()).contains("剩 4 桌").contains("reserve-signin");
        assertThat(anonymous.post("/stores/" + store + "/reserve", Map.of("date", tomorrow.toString(),
                "time", "18:00", "partySize", "2", "name", "李")).location()).contains("/signin?next=");

        var phone = Fixtures.uniquePhone();
        var customer = new WebSession(port);
        customer.get("/signin");
        assertThat(customer.post("/signin/code", Map.of("phone", phone)).status()).isEqualTo(200);
        assertThat(customer.post("/signin", Map.of("phone", phone, "code", fixtures.latestCode(phone), "next", "/"))
                .status()).isEqualTo(302);
        customer.get("/stores/" + store + "/reserve?date=" + tomorrow + "&partySize=7");
        var tooLate = customer.post("/stores/" + store + "/reserve", Map.of("date", tomorrow.minusDays(2).toString(),
                "time", "18:00", "partySize", "2", "name", "李"));
        assertThat(tooLate.location()).contains("/stores/" + store + "/reserve");
        assertThat(customer.get(tooLate.location().replace("http://127.0.0.1:" + port, "")).body())
                .contains("这个时间已经过去");

        var booked = customer.post("/stores/" + store + "/reserve", Map.of("date", tomorrow.toString(),
                "time", "18:00", "partySize", "7", "name", "李", "note", "生日"));
        assertThat(booked.status()).isEqualTo(302);
        assertThat(booked.location()).contains("/me/reservations/");
        var bookingPath = booked.location().substring(booked.location().indexOf("/me/reservations/"));
        var bookingPage = customer.get(bookingPath).body();
        assertThat(bookingPage).contains("已确认").contains("包间").contains("生日").contains("可随时免费取消");
        assertThat(customer.get("/me/reservations").body()).contains(bookingPath);
        assertThat(reservations.booked(store, tomorrow, "18:00", "包间")).isEqualTo(1);

        assertThat(customer.post(bookingPath + "/cancel", Map.of()).status()).isEqualTo(302);
        assertThat(customer.get(bookingPath).body()).contains("已取消").doesNotContain("booking-cancel\"");
        assertThat(reservations.booked(store, tomorrow, "18:00", "包间")).isZero();
        assertThat(new WebSession(port).get(bookingPath).status()).isIn(302, 401, 403);
    }
}
