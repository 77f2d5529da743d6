package o2o.malls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;

/** Opens malls with their own merchant and building, and lets tenant merchants' stores in, over the API. */
public final class MallFixtures {

    private final Api api;
    private final Fixtures fixtures;

    public MallFixtures(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    /** A tenant: its merchant (owner signed in) and the store that rents the unit. */
    public record TenantFixture(MerchantFixture merchant, UUID store, int floor, String unit, String category) {}

    /** A mall: its operator merchant (owner signed in), building, id, program, and tenants in the order let in. */
    public record MallFixture(MerchantFixture operator, UUID building, UUID id, UUID programId,
            List<TenantFixture> tenants) {}

    public static final double LAT = 31.2304;
    public static final double LNG = 121.4737;

    /** A mall on floors B1 and L1–L3 with {@code tenants} tenants spread over L1–L3. */
    public MallFixture mall(String name, int tenants) {
        var operator = fixtures.approvedMerchant(name + "管理公司");
        var building = fixtures.store(operator, name, LAT, LNG, "购物中心");
        var opened = api.post("/api/v1/admin/malls", Map.of("buildingStoreId", building, "name", name, "floors",
                List.of(Map.of("level", -1, "name", "B1"), Map.of("level", 1, "name", "L1"),
                        Map.of("level", 2, "name", "L2"), Map.of("level", 3, "name", "L3"))),
                fixtures.operatorToken());
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        var id = UUID.fromString(opened.text("id"));
        var list = new ArrayList<TenantFixture>();
        for (int i = 0; i < tenants; i++) {
            list.add(tenant(id, name + "租户" + (i + 1), 1 + i % 3, "L" + (1 + i % 3) + "-" + (10 + i),
                    i % 2 == 0 ? "餐饮" : "零售"));
        }
        return new MallFixture(operator, building, id, UUID.fromString(opened.text("programId")), list);
    }

    /** A new merchant with one store, let into the mall. */
    public TenantFixture tenant(UUID mall, String name, int floor, String unit, String category) {
        var merchant = fixtures.approvedMerchant(name);
        var store = fixtures.store(merchant, name, LAT + 0.0001, LNG + 0.0001, category);
        var letIn = api.post("/api/v1/admin/malls/" + mall + "/tenants",
                Map.of("storeId", store, "floor", floor, "unit", unit, "category", category), fixtures.operatorToken());
        assertThat(letIn.status()).as(letIn.raw()).isEqualTo(201);
        return new TenantFixture(merchant, store, floor, unit, category);
    }
}
