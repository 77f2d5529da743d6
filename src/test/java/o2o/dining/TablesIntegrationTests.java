package o2o.dining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.identity.Role;
import o2o.shared.Problem;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.QrImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Areas and tables, their QR codes, scans that open and join a table's session, and staff seating and clearing. */
class TablesIntegrationTests extends ApiTest {

    @Autowired
    Tables tables;

    @Autowired
    JdbcClient jdbc;

    private DiningFixtures dining;
    private MerchantFixture merchant;
    private UUID store;

    @BeforeEach
    void aRestaurantWithAStore() {
        dining = new DiningFixtures(api, fixtures, port);
        merchant = fixtures.approvedMerchant("堂食小馆");
        store = fixtures.store(merchant, Fixtures.unique("堂食小馆店"), 31.2, 121.4, "本帮菜");
    }

    private String tablesPath() {
        return "/api/v1/merchant/stores/" + store + "/tables";
    }

    @Test
    void ownersLayOutAreasAndTablesAndBadInputIsRefusedWithoutChangingAnything() {
        var hall = dining.area(merchant, store, "大厅");
        var room = dining.area(merchant, store, "包间");
        var a12 = dining.table(merchant, store, "A12", hall);

        var listed = api.get(tablesPath(), merchant.ownerToken());
        assertThat(listed.body()).hasSize(1);
        assertThat(listed.body().get(0).path("label").asString()).isEqualTo("A12");
        assertThat(listed.body().get(0).path("areaId").asString()).isEqualTo(hall.toString());
        assertThat(listed.body().get(0).path("scanUrl").asString()).isEqualTo(api.base() + "/t/" + a12.code());
        assertThat(api.get("/api/v1/merchant/stores/" + store + "/areas", merchant.ownerToken()).body()).hasSize(2);

        var moved = api.put(tablesPath() + "/" + a12.id(), Map.of("label", "V1", "seats", 10, "areaId", room),
                merchant.ownerToken());
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.text("label")).isEqualTo("V1");
        assertThat(moved.body().path("seats").asInt()).isEqualTo(10);
        assertThat(moved.text("code")).as("the QR code survives edits").isEqualTo(a12.code());

        var before = api.get(tablesPath(), merchant.ownerToken()).raw();
        var otherStore = fixtures.store(merchant, Fixtures.unique("分店"), 31.3, 121.5, "本帮菜");
        var foreignArea = dining.area(merchant, otherStore, "大厅");
        for (var bad : List.<Map<String, Object>>of(Map.of("label", "", "seats", 4), Map.of("label", "B1", "seats", 0),
                Map.of("label", "B1", "seats", 100), Map.of("label", "B1"), Map.of("label", "x".repeat(17), "seats", 2),
                Map.of("label", "B1", "seats", 2, "areaId", foreignArea),
                Map.of("label", "B1", "seats", 2, "areaId", UUID.randomUUID()))) {
            var refused = api.post(tablesPath(), bad, merchant.ownerToken());
            assertThat(refused.status()).as(bad + " " + refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        for (var bad : List.<Map<String, Object>>of(Map.of("name", " "), Map.of("name", "x".repeat(21)),
                Map.of("name", "露台", "position", -1))) {
            var refused = api.post("/api/v1/merchant/stores/" + store + "/areas", bad, merchant.ownerToken());
            assertThat(refused.status()).as(bad + " " + refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/merchant/stores/" + store + "/areas", merchant.ownerToken()).body()).hasSize(2);
        var unreadable = api.post(tablesPath(), "{\"label\": \"B1\", \"seats\": \"many\"}", merchant.ownerToken());
        assertThat(unreadable.status()).isEqualTo(400);
        var taken = api.post(tablesPath(), Map.of("label", "V1", "seats", 2), merchant.ownerToken());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).isEqualTo("urn:o2o:problem:table-label-taken");
        var sameArea = api.post("/api/v1/merchant/stores/" + store + "/areas", Map.of("name", "大厅"),
                merchant.ownerToken());
        assertThat(sameArea.text("type")).isEqualTo("urn:o2o:problem:area-exists");
        var busyArea = api.delete("/api/v1/merchant/stores/" + store + "/areas/" + room, merchant.ownerToken());
        assertThat(busyArea.text("type")).isEqualTo("urn:o2o:problem:area-not-empty");
        assertThat(api.get(tablesPath(), merchant.ownerToken()).raw()).isEqualTo(before);

        var waiter = fixtures.staff(merchant, Role.WAITER, Set.of(store));
        assertThat(api.post(tablesPath(), Map.of("label", "W1", "seats", 2), waiter).status()).isEqualTo(403);
        assertThat(api.get(tablesPath(), waiter).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/merchant/stores/" + store + "/areas/" + hall, merchant.ownerToken()).status())
                .isEqualTo(204);
        assertThat(api.delete(tablesPath() + "/" + a12.id(), merchant.ownerToken()).status()).isEqualTo(204);
        assertThat(api.get(tablesPath(), merchant.ownerToken()).body()).isEmpty();
        assertThat(api.get("/t/" + a12.code()).status()).as("a retired table's code opens nothing").isEqualTo(404);
        assertThat(dining.table(merchant, store, "V1", null).code()).as("its label is free again")
                .isNotEqualTo(a12.code());
    }

    @Test
    void aTableFoundByItsCodeIsFoundFromMemoryAndItsEditShowsAtOnce() {
        var table = dining.table(merchant, store, "C1", null);
        assertThat(tables.byCode(table.code())).get().extracting(DiningTable::label).isEqualTo("C1");

        // changed behind the node's back: the second find reads no row
        jdbc.sql("update dining_table set label = 'C9' where id = :id").param("id", table.id()).update();
        assertThat(tables.byCode(table.code())).get().extracting(DiningTable::label).isEqualTo("C1");

        var edited = api.put(tablesPath() + "/" + table.id(), Map.of("label", "C2", "seats", 6), merchant.ownerToken());
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(tables.byCode(table.code())).get().extracting(DiningTable::label, DiningTable::seats)
                .containsExactly("C2", 6);
    }

    @Test
    void aRememberedTablesCodeStopsWorkingAtOnceWhenRetiredAndAMissIsNotRemembered() {
        var table = dining.table(merchant, store, "C3", null);
        assertThat(tables.byCode(table.code())).isPresent();

        assertThat(api.delete(tablesPath() + "/" + table.id(), merchant.ownerToken()).status()).isEqualTo(204);
        assertThat(tables.byCode(table.code())).isEmpty();
        assertThat(api.get("/t/" + table.code()).status()).isEqualTo(404);

        jdbc.sql("update dining_table set active = true where id = :id").param("id", table.id()).update();
        assertThat(tables.byCode(table.code())).as("the code that found nothing was read again").isPresent();
    }

    @Test
    void tableCodesAreRandomUniqueAndUnguessable() {
        var codes = new ArrayList<String>();
        for (int i = 0; i < 30; i++) codes.add(dining.table(merchant, store, "T" + i, null).code());

        assertThat(new HashSet<>(codes)).hasSize(30);
        assertThat(codes).allMatch(code -> code.matches("[23456789abcdefghjkmnpqrstuvwxyz]{16}"));
        assertThat(codes).as("not in creation order, as a sequence would be").isNotEqualTo(codes.stream().sorted().toList());
        var prefixes = codes.stream().map(code -> code.substring(0, 4)).distinct().count();
        assertThat(prefixes).as("no shared prefix like a counter's").isGreaterThan(25);

        var first = codes.getFirst();
        var neighbour = first.substring(0, 15) + (first.charAt(15) == 'z' ? 'y' : 'z');
        assertThat(api.get("/t/" + neighbour).status()).isEqualTo(404);
        assertThat(api.get("/t/" + first).status()).isEqualTo(302);
    }

    @Test
    void theQrCodeDecodesToTheTablesAddressWithTheTrackingCode() throws Exception {
        var table = dining.table(merchant, store, "A1", null);
        var path = tablesPath() + "/" + table.id() + "/qr.png";

        assertThat(QrImages.textAt(api, path + "?src=poster_2026-A", merchant.ownerToken()))
                .isEqualTo(api.base() + "/t/" + table.code() + "?src=poster_2026-A");
        assertThat(QrImages.textAt(api, path, merchant.ownerToken())).isEqualTo(api.base() + "/t/" + table.code());

        for (var bad : List.of("has%20space", "x".repeat(33), "%E4%B8%AD", "a%26b")) {
            var refused = api.get(path + "?src=" + bad, merchant.ownerToken());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        var kitchen = fixtures.staff(merchant, Role.KITCHEN, Set.of(store));
        assertThat(api.get(path, kitchen).status()).isEqualTo(403);
    }

    @Test
    void aScanIsRecordedAndOpensTheSessionAndASecondScanJoinsIt() {
        var table = dining.table(merchant, store, "A2", null);

        var first = api.get("/t/" + table.code() + "?src=poster");
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.header("Location")).endsWith("/t/" + table.code() + "/join");
        var diner = dining.diner(Fixtures.uniquePhone());
        var second = diner.get("/t/" + table.code() + "?src=flyer");
        assertThat(second.status()).isEqualTo(302);

        var sessions = api.get("/api/v1/merchant/tables/" + table.id() + "/sessions", merchant.ownerToken()).body();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).path("source").asString()).isEqualTo("scan");
        assertThat(sessions.get(0).path("trackingCode").asString()).as("the opening scan's").isEqualTo("poster");
        assertThat(sessions.get(0).path("diners")).hasSize(1);
        var status = api.get(tablesPath() + "/status", merchant.ownerToken()).body().get(0);
        assertThat(status.path("occupied").asBoolean()).isTrue();
        assertThat(status.path("diners").asInt()).isEqualTo(1);

        var today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        var stats = api.get("/api/v1/merchant/dining/conversions?from=" + today + "&to=" + today,
                merchant.ownerToken()).body();
        assertThat(stats).hasSize(2);
        assertThat(stats).allMatch(row -> row.path("scans").asLong() == 1 && row.path("joined").asLong() == 0);
        assertThat(api.get("/t/" + table.code() + "?src=" + "bad%20code").status())
                .as("a tampered tracking code is dropped, the diner still gets in").isEqualTo(302);
    }

    @Test
    void tenScansAtOnceOpenOneSession() throws Exception {
        var table = dining.table(merchant, store, "A3", null);

        var results = Concurrently.atOnce(IntStream.range(0, 10)
                .<Callable<Integer>>mapToObj(i -> () -> api.get("/t/" + table.code()).status()).toList());

        assertThat(results).containsOnly(302);
        var sessions = api.get("/api/v1/merchant/tables/" + table.id() + "/sessions", merchant.ownerToken()).body();
        assertThat(sessions).hasSize(1);
        var today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        var stats = api.get("/api/v1/merchant/dining/conversions?from=" + today + "&to=" + today,
                merchant.ownerToken()).body();
        assertThat(stats.get(0).path("scans").asLong()).isEqualTo(10);
        assertThat(stats.get(0).path("diners").asLong()).as("ten phones without cookies").isEqualTo(10);
    }

    @Test
    void staffSeatAPartyAndClearTheTableAndOnlyOneOfTenSeatingsAtOnceWins() throws Exception {
        var table = dining.table(merchant, store, "B1", null);
        var waiter = fixtures.staff(merchant, Role.WAITER, Set.of(store));
        var seat = "/api/v1/merchant/tables/" + table.id() + "/session";

        var results = Concurrently.atOnce(IntStream.range(0, 10)
                .<Callable<Integer>>mapToObj(i -> () -> api.post(seat, Map.of("partySize", 4), waiter).status())
                .toList());
        assertThat(results).filteredOn(s -> s == 201).hasSize(1);
        assertThat(results).filteredOn(s -> s == 409).hasSize(9);

        var status = api.get(tablesPath() + "/status", waiter).body().get(0);
        assertThat(status.path("occupied").asBoolean()).isTrue();
        assertThat(status.path("partySize").asInt()).isEqualTo(4);
        assertThat(status.path("since").asString()).isNotBlank();
        var again = api.post(seat, Map.of("partySize", 2), waiter);
        assertThat(again.text("type")).isEqualTo("urn:o2o:problem:table-occupied");
        assertThat(api.delete(tablesPath() + "/" + table.id(), merchant.ownerToken()).status())
                .as("an occupied table is not retired").isEqualTo(409);

        var cleared = api.delete(seat, waiter);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.text("closedAt")).isNotBlank();
        assertThat(api.get(tablesPath() + "/status", waiter).body().get(0).path("occupied").asBoolean()).isFalse();
        assertThat(api.delete(seat, waiter).status()).as("nothing left to clear").isEqualTo(404);

        for (var bad : List.of(0, 100)) {
            var refused = api.post(seat, Map.of("partySize", bad), waiter);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.post(seat, Map.of(), waiter).status()).isEqualTo(400);
        var kitchen = fixtures.staff(merchant, Role.KITCHEN, Set.of(store));
        assertThat(api.post(seat, Map.of("partySize", 2), kitchen).status()).isEqualTo(403);
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        assertThat(api.post(seat, Map.of("partySize", 2), cashier).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/merchant/tables/" + table.id() + "/sessions", waiter).body()).hasSize(2);
    }

    @Test
    void aReservationSeatsThroughTheJavaApiAndTheBillClosesTheSession() {
        var table = dining.table(merchant, store, "R1", null);

        assertThat(tables.byCode(table.code())).get().extracting(DiningTable::id).isEqualTo(table.id());
        assertThat(tables.openSessionAt(table.id())).isEmpty();
        var session = tables.seat(table.id(), 6, "reservation");
        assertThat(session.partySize()).isEqualTo(6);
        assertThat(session.source()).isEqualTo("reservation");
        assertThat(tables.openSessionAt(table.id())).get().isEqualTo(session);
        assertThatThrownBy(() -> tables.seat(table.id(), 2, "reservation"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.slug()).isEqualTo("table-occupied"));

        assertThat(tables.close(session.id())).isTrue();
        assertThat(tables.close(session.id())).as("closing twice changes nothing").isFalse();
        assertThat(tables.session(session.id())).get().matches(s -> !s.open());
        assertThat(tables.openSessionAt(table.id())).isEmpty();
        assertThat(tables.seat(table.id(), 2, "reservation").id()).isNotEqualTo(session.id());
    }
}
