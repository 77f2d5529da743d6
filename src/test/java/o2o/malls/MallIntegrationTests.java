package o2o.malls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator opens a mall and lets stores in; the mall operator reads and arranges it; anyone reads the directory. */
class MallIntegrationTests extends ApiTest {

    MallFixtures malls;

    @BeforeEach
    void setUp() {
        malls = new MallFixtures(api, fixtures);
    }

    @Test
    void aMallHasFloorsAndTenantsWhoseMerchantsCollectInItsProgram() {
        var mall = malls.mall("万象城", 3);

        var directory = api.get("/api/v1/malls/" + mall.id());
        assertThat(directory.status()).as(directory.raw()).isEqualTo(200);
        assertThat(directory.text("name")).isEqualTo("万象城");
        assertThat(directory.body().path("floors").size()).isEqualTo(4);
        assertThat(directory.body().path("floors").get(0).path("name").asString()).isEqualTo("B1");
        var tenants = directory.body().path("tenants");
        assertThat(tenants.size()).isEqualTo(3);
        assertThat(tenants.get(0).path("name").asString()).isEqualTo("万象城租户1");
        assertThat(tenants.get(0).path("unit").asString()).isEqualTo("L1-10");
        assertThat(tenants.get(0).path("category").asString()).isEqualTo("餐饮");

        var program = api.get("/api/v1/admin/points-programs/" + mall.programId(), fixtures.operatorToken());
        assertThat(program.status()).as(program.raw()).isEqualTo(200);
        assertThat(program.body().path("shared").asBoolean()).isTrue();
        var members = program.body().path("merchantIds").toString();
        assertThat(members).contains(mall.operator().id().toString());
        mall.tenants().forEach(t -> assertThat(members).contains(t.merchant().id().toString()));
        var tenantProgram = api.get("/api/v1/merchant/points-program", mall.tenants().get(1).merchant().ownerToken());
        assertThat(tenantProgram.text("programId")).isEqualTo(mall.programId().toString());
    }

    @Test
    void theMallOperatorReadsItsMallAndMovesTenantsButNobodyElseDoes() {
        var mall = malls.mall("大悦城", 2);
        var mine = api.get("/api/v1/merchant/mall", mall.operator().ownerToken());
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        assertThat(mine.text("id")).isEqualTo(mall.id().toString());

        var tenant = mall.tenants().get(0);
        var moved = api.put("/api/v1/merchant/mall/tenants/" + tenant.store(),
                Map.of("floor", 3, "unit", "L3-01", "category", "亲子"), mall.operator().ownerToken());
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body().path("floor").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/merchant/mall/tenants", mall.operator().ownerToken()).raw()).contains("L3-01");

        var cashier = fixtures.staff(mall.operator(), Role.CASHIER, java.util.Set.of(mall.building()));
        assertThat(api.get("/api/v1/merchant/mall", cashier).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/mall", tenant.merchant().ownerToken()).status())
                .as("a tenant runs no mall").isEqualTo(403);

        var other = malls.mall("来福士", 1);
        var foreign = api.put("/api/v1/merchant/mall/tenants/" + other.tenants().get(0).store(),
                Map.of("floor", 1, "unit", "X", "category", "X"), mall.operator().ownerToken());
        assertThat(foreign.status()).as("another mall's tenant").isEqualTo(404);
        assertThat(api.get("/api/v1/malls/" + other.id()).raw()).doesNotContain("\"X\"");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        var mall = malls.mall("印象城", 1);
        var operator = fixtures.operatorToken();
        var store = mall.tenants().get(0).store();
        assertThat(api.put("/api/v1/merchant/mall/tenants/" + store,
                Map.of("floor", 9, "unit", "L9-1", "category", "餐饮"), mall.operator().ownerToken()).status())
                .as("no such floor").isEqualTo(400);
        assertThat(api.post("/api/v1/admin/malls/" + mall.id() + "/tenants",
                Map.of("storeId", UUID.randomUUID(), "floor", 1, "unit", "a", "category", "b"), operator).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/admin/malls/" + mall.id() + "/tenants",
                Map.of("storeId", mall.building(), "floor", 1, "unit", "a", "category", "b"), operator).status())
                .as("the building itself").isEqualTo(400);
        var owner = fixtures.approvedMerchant("空楼");
        var building = fixtures.store(owner, "空楼", 31.0, 121.0, "购物中心");
        for (var floors : List.of(List.<Map<String, Object>>of(),
                List.of(Map.<String, Object>of("level", 0, "name", "G")),
                List.of(Map.<String, Object>of("level", 1, "name", "L1"), Map.<String, Object>of("level", 1, "name", "L1b")))) {
            var refused = api.post("/api/v1/admin/malls", Map.of("buildingStoreId", building, "name", "空楼",
                    "floors", floors), operator);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).contains("problem+json");
        }
        assertThat(api.get("/api/v1/admin/malls", operator).raw()).doesNotContain("空楼");
        var twice = api.post("/api/v1/admin/malls", Map.of("buildingStoreId", fixtures.store(mall.operator(), "二号楼",
                31.0, 121.0, "购物中心"), "name", "二号", "floors", List.of(Map.of("level", 1, "name", "L1"))), operator);
        assertThat(twice.status()).as("one mall per merchant").isEqualTo(409);
        assertThat(api.get("/api/v1/malls/" + mall.id()).body().path("tenants").get(0).path("unit").asString())
                .isEqualTo("L1-10");
    }

    @Test
    void letInTwiceChangesNothingAndOfTwoMallsRacingForOneStoreOneWins() throws Exception {
        var a = malls.mall("甲商场", 0);
        var b = malls.mall("乙商场", 0);
        var merchant = fixtures.approvedMerchant("抢手店");
        var store = fixtures.store(merchant, "抢手店", 31.0, 121.0, "餐饮");
        var operator = fixtures.operatorToken();
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
        for (int i = 0; i < 8; i++) {
            var mall = i % 2 == 0 ? a.id() : b.id();
            tasks.add(() -> api.post("/api/v1/admin/malls/" + mall + "/tenants",
                    Map.of("storeId", store, "floor", 1, "unit", "L1-01", "category", "餐饮"), operator).status());
        }
        var results = Concurrently.atOnce(tasks);
        assertThat(results).containsOnly(201, 409);
        var inA = api.get("/api/v1/malls/" + a.id()).body().path("tenants").size();
        var inB = api.get("/api/v1/malls/" + b.id()).body().path("tenants").size();
        assertThat(inA + inB).isEqualTo(1);
        var winner = inA == 1 ? a : b;
        var again = api.post("/api/v1/admin/malls/" + winner.id() + "/tenants",
                Map.of("storeId", store, "floor", 2, "unit", "L2-99", "category", "餐饮"), operator);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("floor").asInt()).as("letting in again changes nothing").isEqualTo(1);
    }
}
