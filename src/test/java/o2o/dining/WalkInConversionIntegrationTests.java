package o2o.dining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Joining the membership on the way from the table QR to the menu, and the merchant's walk-in conversion figures. */
class WalkInConversionIntegrationTests extends ApiTest {

    private DiningFixtures dining;
    private MerchantFixture merchant;
    private UUID store;
    private DiningFixtures.Table table;

    @BeforeEach
    void aTableWithAQrCode() {
        dining = new DiningFixtures(api, fixtures, port);
        merchant = fixtures.approvedMerchant("扫码入会小馆");
        store = fixtures.store(merchant, Fixtures.unique("扫码入会店"), 31.2, 121.4, "本帮菜");
        table = dining.table(merchant, store, "A1", null);
    }

    private String menu() {
        return "/t/" + table.code() + "/order";
    }

    @Test
    void joiningFromAScanCountsIntoTheConversionsExactlyOnce() throws Exception {
        // a signed-out phone scans the poster's code and skips
        assertThat(api.get("/t/" + table.code() + "?src=poster").status()).isEqualTo(302);

        // a signed-in customer scans, is offered to join, joins; sending the form again (ten times at once) changes nothing
        var joiner = dining.diner(Fixtures.uniquePhone());
        assertThat(joiner.get("/t/" + table.code() + "?src=poster").location()).endsWith("/t/" + table.code() + "/join");
        var offer = joiner.get("/t/" + table.code() + "/join");
        assertThat(offer.status()).isEqualTo(200);
        assertThat(offer.body()).contains("join-at-table");
        var joins = Concurrently.atOnce(IntStream.range(0, 10).<Callable<String>>mapToObj(i -> () ->
                joiner.post("/t/" + table.code() + "/join", Map.of("name", "小王")).location()).toList());
        assertThat(joins).allMatch(location -> location.endsWith(menu()));
        // as a member now, the next scan goes straight to the menu
        assertThat(joiner.get("/t/" + table.code() + "?src=poster").location()).endsWith(menu());

        // a customer who was a member already scans and is sent to the menu: no join to count
        var member = dining.diner(Fixtures.uniquePhone());
        member.get("/me/memberships");
        assertThat(member.post("/me/memberships", Map.of("merchantId", merchant.id().toString())).location())
                .endsWith("/me/memberships/" + merchant.id());
        assertThat(member.get("/t/" + table.code() + "?src=poster").location()).endsWith(menu());

        // a signed-out phone scans a code without a tracking code, signs in from the offer and joins
        var later = new o2o.testing.WebSession(port);
        assertThat(later.get("/t/" + table.code()).location()).endsWith("/join");
        var offerSignedOut = later.get("/t/" + table.code() + "/join");
        assertThat(offerSignedOut.body()).contains("signin-at-table").contains("skip-join");
        var phone = Fixtures.uniquePhone();
        later.get("/signin?next=/t/" + table.code() + "/join");
        later.post("/signin/code", Map.of("phone", phone));
        var signedIn = later.post("/signin", Map.of("phone", phone, "code", fixtures.latestCode(phone),
                "next", "/t/" + table.code() + "/join"));
        assertThat(signedIn.location()).endsWith("/t/" + table.code() + "/join");
        later.get("/t/" + table.code() + "/join");
        assertThat(later.post("/t/" + table.code() + "/join", Map.of()).location()).endsWith(menu());

        var stats = conversions(merchant.ownerToken());
        assertThat(stats).hasSize(2);
        var untagged = stats.get(0);
        assertThat(untagged.path("trackingCode").isNull()).isTrue();
        assertThat(untagged.path("storeId").asString()).isEqualTo(store.toString());
        assertThat(counts(untagged)).containsExactly(1L, 1L, 1L);
        var poster = stats.get(1);
        assertThat(poster.path("trackingCode").asString()).isEqualTo("poster");
        // scans: the signed-out phone, the joiner twice, the member; diners: three people; joined: one
        assertThat(counts(poster)).containsExactly(4L, 3L, 1L);

        var members = api.get("/api/v1/merchant/members", merchant.ownerToken()).body();
        assertThat(members.path("items")).hasSize(3);
        var sessions = api.get("/api/v1/merchant/tables/" + table.id() + "/sessions", merchant.ownerToken()).body();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).path("diners")).as("the three signed-in diners").hasSize(3);
    }

    @Test
    void theFiguresAreTheCallersMerchantsOnlyAndBadRangesAreRefused() {
        assertThat(api.get("/t/" + table.code() + "?src=mall").status()).isEqualTo(302);
        var other = fixtures.approvedMerchant("别家小馆");
        assertThat(conversions(other.ownerToken())).isEmpty();
        assertThat(conversions(merchant.ownerToken())).hasSize(1);

        var today = today();
        for (var query : new String[] {"from=" + today + "&to=" + today.minusDays(1), "from=" + today,
                "from=yesterday&to=" + today, "from=" + today.minusDays(400) + "&to=" + today}) {
            var refused = api.get("/api/v1/merchant/dining/conversions?" + query, merchant.ownerToken());
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        var waiter = fixtures.staff(merchant, Role.WAITER, Set.of(store));
        assertThat(api.get("/api/v1/merchant/dining/conversions?from=" + today + "&to=" + today, waiter).status())
                .isEqualTo(403);
    }

    @Test
    void aJoinNeedsTheDinersOwnScan() {
        var diner = dining.diner(Fixtures.uniquePhone());
        diner.get("/signin");
        var withoutScan = diner.post("/t/" + table.code() + "/join", Map.of());
        assertThat(withoutScan.location()).as("no scan in this session: scan first").endsWith("/t/" + table.code());
        assertThat(conversions(merchant.ownerToken())).isEmpty();
        assertThat(api.get("/api/v1/merchant/members", merchant.ownerToken()).body().path("items")).isEmpty();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    private JsonNode conversions(String token) {
        var response = api.get("/api/v1/merchant/dining/conversions?from=" + today() + "&to=" + today(), token);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static Long[] counts(JsonNode row) {
        return new Long[] {row.path("scans").asLong(), row.path("diners").asLong(), row.path("joined").asLong()};
    }
}
