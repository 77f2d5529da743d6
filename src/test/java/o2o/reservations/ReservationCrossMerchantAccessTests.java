package o2o.reservations;

import static o2o.reservations.ReservationFixtures.booking;
import static o2o.reservations.ReservationFixtures.settings;
import static o2o.reservations.ReservationFixtures.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;

/** Staff of merchant A reach none of merchant B's booking settings, day lists or bookings, by API or by page. */
class ReservationCrossMerchantAccessTests extends ApiTest {

    private static final String BASE = "/api/v1/merchant/stores/{store}/reservations";

    @Test
    void anotherMerchantsStaffReachNoneOfTheReservationEndpoints() {
        var reservations = new ReservationFixtures(api, fixtures, clock);
        var a = fixtures.approvedMerchant("甲店");
        var aStore = reservations.store(a, "甲店");
        var b = fixtures.approvedMerchant("乙店");
        var bStore = reservations.store(b, "乙店");
        var bSettings = settings(List.of("18:00"), List.of(type("小桌", 1, 4, 5)), 0, false, 24);
        reservations.configure(b, bStore, bSettings);
        var date = reservations.tomorrow();
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var booked = reservations.book(customer, booking(bStore, date, "18:00", 2));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        var bTable = api.post("/api/v1/merchant/stores/" + bStore + "/tables", Map.of("label", "B1", "seats", 4),
                b.ownerToken());
        assertThat(bTable.status()).isEqualTo(201);
        var aTable = api.post("/api/v1/merchant/stores/" + aStore + "/tables", Map.of("label", "A1", "seats", 4),
                a.ownerToken());
        var victim = new Victim(b.ownerToken(), Map.of("store", bStore.toString(), "id", booked.text("id"),
                "table", bTable.text("id"), "date", date.toString()));
        var one = BASE + "/{id}";

        List<Function<Victim, Endpoint>> endpoints = List.of(
                v -> Endpoint.of("GET", v.fill(BASE + "/settings"), null, v.fill(BASE + "/settings")),
                v -> Endpoint.of("PUT", v.fill(BASE + "/settings"),
                        settings(List.of("11:00"), List.of(type("大桌", 1, 8, 1)), 100, true, 1),
                        v.fill(BASE + "/settings")),
                v -> Endpoint.of("GET", v.fill(BASE + "?date={date}"), null, v.fill(one)),
                v -> Endpoint.of("GET", v.fill(one), null, v.fill(one)),
                v -> Endpoint.of("POST", v.fill(one + "/check-in"), Map.of("tableId", v.fill("{table}")), v.fill(one)),
                v -> Endpoint.of("POST", v.fill(one + "/check-in"), Map.of("tableId", aTable.text("id")), v.fill(one)),
                v -> Endpoint.of("POST", v.fill(one + "/no-show"), null, v.fill(one)),
                v -> Endpoint.of("POST", v.fill(one + "/cancel"), null, v.fill(one)));

        var harness = new CrossMerchantAccess(api);
        var aManager = fixtures.staff(a, Role.MANAGER, Set.of());
        var aWaiter = fixtures.staff(a, Role.WAITER, Set.of(aStore));
        for (var attacker : List.of(a.ownerToken(), aManager, aWaiter)) {
            for (var endpoint : endpoints) harness.assertDenied(attacker, victim, endpoint);
        }
        // a store-limited waiter of B's own merchant is kept out of B's other store's bookings as well
        var bOtherStore = reservations.store(b, "乙店二");
        var bWaiterElsewhere = fixtures.staff(b, Role.WAITER, Set.of(bOtherStore));
        for (var endpoint : endpoints) harness.assertDenied(bWaiterElsewhere, victim, endpoint);
        // B's booking named under A's own store is not found either
        var underOwnStore = api.post("/api/v1/merchant/stores/" + aStore + "/reservations/" + booked.text("id")
                + "/cancel", null, a.ownerToken());
        assertThat(underOwnStore.status()).isEqualTo(404);
        assertThat(reservations.mine(customer, booked.text("id")).path("status").asString()).isEqualTo("CONFIRMED");
        // and another customer does not see or cancel it
        var stranger = fixtures.customerToken(Fixtures.uniquePhone());
        assertThat(api.get("/api/v1/me/reservations/" + booked.text("id"), stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/reservations/" + booked.text("id") + "/cancel", null, stranger).status())
                .isEqualTo(404);
        assertThat(reservations.mine(customer, booked.text("id")).path("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void anotherMerchantsOwnerGetsNoneOfTheReservationPages() {
        var reservations = new ReservationFixtures(api, fixtures, clock);
        var a = fixtures.approvedMerchant("甲店");
        var b = fixtures.approvedMerchant("乙店");
        var bStore = reservations.store(b, "乙店");
        reservations.configure(b, bStore, settings(List.of("18:00"), List.of(type("小桌", 1, 4, 5)), 0, false, 24));
        var date = reservations.tomorrow();
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var booked = reservations.book(customer, booking(bStore, date, "18:00", 2));
        var bTable = api.post("/api/v1/merchant/stores/" + bStore + "/tables", Map.of("label", "B1", "seats", 4),
                b.ownerToken());
        var settingsBefore = api.get(ReservationFixtures.settingsPath(bStore), b.ownerToken()).raw();
        var bookingPath = "/api/v1/merchant/stores/" + bStore + "/reservations/" + booked.text("id");
        var bookingBefore = api.get(bookingPath, b.ownerToken()).raw();

        var attacker = new WebSession(port).signInAsStaff(a.ownerUsername(), "password-1");
        var base = "/merchant/stores/" + bStore + "/reservations";
        assertThat(attacker.get(base).status()).isEqualTo(404);
        assertThat(attacker.get(base + "/settings").status()).isEqualTo(404);
        attacker.get("/merchant");
        var id = booked.text("id");
        assertThat(attacker.post(base + "/" + id + "/check-in", Map.of("tableId", bTable.text("id"),
                "date", date.toString())).status()).isEqualTo(404);
        assertThat(attacker.post(base + "/" + id + "/no-show", Map.of("date", date.toString())).status()).isEqualTo(404);
        assertThat(attacker.post(base + "/" + id + "/cancel", Map.of("date", date.toString())).status()).isEqualTo(404);
        assertThat(attacker.post(base + "/settings", Map.of("slots_MONDAY", "09:00", "typeName_0", "X",
                "typeMin_0", "1", "typeMax_0", "2", "typeTables_0", "1", "daysAhead", "1", "cutoffMinutes", "0",
                "freeCancelHours", "0", "reminderMinutes", "0")).status()).isEqualTo(404);
        assertThat(api.get(ReservationFixtures.settingsPath(bStore), b.ownerToken()).raw()).isEqualTo(settingsBefore);
        assertThat(api.get(bookingPath, b.ownerToken()).raw()).isEqualTo(bookingBefore);
    }
}
