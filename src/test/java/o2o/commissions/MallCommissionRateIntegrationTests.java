package o2o.commissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.commissions.persistence.PendingCommissions;
import o2o.ledger.Ledger;
import o2o.malls.MallFixtures;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A mall's operator sets the commission its mall takes of a category its tenants rent under: it reaches its tenants in
 * that category and no other merchant, whatever that merchant's own category; each mall sees and changes only its own.
 */
class MallCommissionRateIntegrationTests extends ApiTest {

    static final String RATES = "/api/v1/merchant/mall/commission-rates";

    @Autowired
    PendingCommissions pending;
    @Autowired
    Ledger ledger;

    CommissionWorld world;
    MallFixtures malls;

    @BeforeEach
    void world() {
        world = new CommissionWorld(api, fixtures, pending, ledger);
        malls = new MallFixtures(api, fixtures);
    }

    private Map<String, Object> category(String category, int bps) {
        return Map.of("category", category, "rateBps", bps);
    }

    private UUID deal(MallFixtures.TenantFixture tenant) {
        return fixtures.deal(tenant.merchant(), Set.of(tenant.store()), 10_000, null, false, "ANYTIME");
    }

    @Test
    void aCategoryRateOfTheMallChargesItsTenantsInThatCategoryAndNoOtherMerchant() {
        var mall = malls.mall(Fixtures.unique("抽佣广场"), 2);
        var food = mall.tenants().get(0);
        var retail = mall.tenants().get(1);
        assertThat(food.category()).isEqualTo("餐饮");
        var elsewhere = malls.mall(Fixtures.unique("隔壁广场"), 1).tenants().get(0);
        assertThat(elsewhere.category()).isEqualTo("餐饮");
        var outside = world.shop("场外餐馆");

        var set = api.put(RATES, category("餐饮", 500), mall.operator().ownerToken());
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.text("category")).isEqualTo("餐饮");
        assertThat(set.text("takerMerchantId")).isEqualTo(mall.operator().id().toString());
        // the platform charges the outside shop's own category: had the mall's rate been of merchants' own
        // categories, a shop of category 餐饮 anywhere would pay it
        world.rate(null, null, outside.category(), 100);

        world.buy(deal(food), 1);
        world.buy(deal(retail), 1);
        world.buy(deal(elsewhere), 1);
        world.buy(world.deal(outside, 10_000), 1);
        world.counted();

        var taker = mall.operator().id().toString();
        assertThat(world.due(food.merchant().id(), taker)).as("100.00 × 5%").isEqualTo(500);
        assertThat(world.due(retail.merchant().id(), taker)).as("another category").isZero();
        assertThat(world.due(elsewhere.merchant().id(), taker)).as("a tenant of another mall").isZero();
        assertThat(world.due(outside.id(), taker)).as("no tenant at all").isZero();
        assertThat(world.due(outside.id(), "platform")).isEqualTo(100);
        var earnings = api.get("/api/v1/merchant/commission/earnings", mall.operator().ownerToken()).body();
        assertThat(earnings.path("merchants").valueStream().map(m -> m.path("merchantId").asString()).toList())
                .containsExactly(food.merchant().id().toString());
        assertThat(ledger.reconcile().clean()).isTrue();

        // a tenant's own rate wins over its category's
        var own = api.put(RATES, Map.of("merchantId", food.merchant().id(), "rateBps", 0), mall.operator().ownerToken());
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        world.buy(deal(food), 1);
        world.counted();
        assertThat(world.due(food.merchant().id(), taker)).as("exempt from now on").isEqualTo(500);
    }

    @Test
    void eachMallSeesAndChangesOnlyItsOwnRatesAndOnlyForItsTenants() {
        var a = malls.mall(Fixtures.unique("甲广场"), 1);
        var b = malls.mall(Fixtures.unique("乙广场"), 1);
        var rate = api.put(RATES, category("餐饮", 300), a.operator().ownerToken()).text("id");

        assertThat(api.get(RATES, b.operator().ownerToken()).body()).isEmpty();
        assertThat(api.get(RATES, a.operator().ownerToken()).body()).hasSize(1);
        assertThat(api.delete(RATES + "/" + rate, b.operator().ownerToken()).status()).isEqualTo(404);
        var otherTenant = api.put(RATES, Map.of("merchantId", a.tenants().get(0).merchant().id(), "rateBps", 300),
                b.operator().ownerToken());
        assertThat(otherTenant.status()).as(otherTenant.raw()).isEqualTo(404);
        var ownBuilding = api.put(RATES, Map.of("merchantId", b.operator().id(), "rateBps", 300),
                b.operator().ownerToken());
        assertThat(ownBuilding.status()).as("the mall's own merchant is no tenant").isEqualTo(404);
        // a tenant runs no mall; nor does an ordinary merchant
        var tenant = a.tenants().get(0).merchant().ownerToken();
        assertThat(api.get(RATES, tenant).status()).isEqualTo(403);
        assertThat(api.put(RATES, category("餐饮", 1), tenant).status()).isEqualTo(403);
        assertThat(api.delete(RATES + "/" + rate, tenant).status()).isEqualTo(403);
        assertThat(api.get(RATES, a.operator().ownerToken()).body().get(0).path("rateBps").asInt()).isEqualTo(300);

        assertThat(api.delete(RATES + "/" + rate, a.operator().ownerToken()).status()).isEqualTo(204);
        assertThat(api.get(RATES, a.operator().ownerToken()).body()).isEmpty();
    }

    @Test
    void badRatesAreRefusedWithAProblemAndChangeNothing() {
        var mall = malls.mall(Fixtures.unique("规则广场"), 1);
        var token = mall.operator().ownerToken();
        var refused = new java.util.ArrayList<Map<String, Object>>();
        refused.add(category("没有这类租户", 100));
        refused.add(category("餐饮", 5001));
        refused.add(category("餐饮", -1));
        refused.add(category(" ", 100));
        refused.add(category("餐".repeat(51), 100));
        refused.add(Map.of("merchantId", mall.tenants().get(0).merchant().id(), "category", "餐饮", "rateBps", 100));
        refused.add(Map.of("rateBps", 100));
        refused.add(Map.of("category", "餐饮"));
        refused.add(Map.of("category", "餐饮", "rateBps", 100, "validFrom", "tomorrow"));
        var wrongType = new HashMap<String, Object>(Map.of("category", List.of("餐饮"), "rateBps", "many"));
        refused.add(wrongType);
        for (var body : refused) {
            var answer = api.put(RATES, body, token);
            assertThat(answer.status()).as(body + " → " + answer.raw()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.delete(RATES + "/not-a-uuid", token).status()).isEqualTo(400);
        assertThat(api.delete(RATES + "/" + UUID.randomUUID(), token).status()).isEqualTo(404);
        assertThat(api.get(RATES, token).body()).isEmpty();
    }
}
