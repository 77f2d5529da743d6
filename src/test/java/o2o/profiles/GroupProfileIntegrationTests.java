package o2o.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.PosSaleBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The owner of a group program (a mall) sees its program's members with their facts across every merchant of the
 * group, and segments them over those facts; a tenant sees only its own members and its own facts of them; a
 * merchant outside the group sees none of them.
 */
class GroupProfileIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSaleAtATenantCountsInTheTenantsProfileAndInTheOwnersGroupProfileAndNowhereElse() {
        var mall = fixtures.approvedMerchant("画像商场");
        var shop = fixtures.approvedMerchant("画像租户");
        var outsider = fixtures.approvedMerchant("画像圈外");
        group(mall, shop);
        var mallKey = posKey(mall);
        var shopKey = posKey(shop);
        var both = Fixtures.uniquePhone();
        var mallOnly = Fixtures.uniquePhone();
        var shopOnly = Fixtures.uniquePhone();
        var bothId = join(shop, both);
        join(mall, both);
        var mallOnlyId = join(mall, mallOnly);
        var shopOnlyId = join(shop, shopOnly);
        sell(shopKey, "GS-1", 8000, both);
        sell(mallKey, "GM-1", 3000, both);
        sell(mallKey, "GM-2", 5000, mallOnly);
        Drained.await(jdbc);

        var groupView = profile(mall, bothId);
        assertThat(groupView.path("lifetime").path("visits").asLong()).as("both sales, across the group")
                .isEqualTo(2);
        assertThat(groupView.path("lifetime").path("spend").path("minor").asLong()).isEqualTo(11_000);
        assertThat(groupView.path("stores").size()).as("a store of each").isEqualTo(2);
        var tenantView = profile(shop, bothId);
        assertThat(tenantView.path("lifetime").path("visits").asLong()).as("the tenant's own sale only")
                .isEqualTo(1);
        assertThat(tenantView.path("lifetime").path("spend").path("minor").asLong()).isEqualTo(8000);
        assertThat(profile(mall, shopOnlyId).path("lifetime").path("visits").asLong())
                .as("a member who joined only at a tenant is the program's member").isZero();
        assertThat(profile(mall, mallOnlyId).path("lifetime").path("spend").path("minor").asLong()).isEqualTo(5000);

        assertThat(api.get(path(mallOnlyId), shop.ownerToken()).status())
                .as("a tenant never sees the owner's members").isEqualTo(404);
        assertThat(api.post("/api/v1/merchant/members/" + mallOnlyId + "/tags", Map.of("tag", "商场客"),
                shop.ownerToken()).status()).isEqualTo(404);
        for (var customer : List.of(bothId, mallOnlyId, shopOnlyId)) {
            assertThat(api.get(path(customer), outsider.ownerToken()).status()).as("outside the group")
                    .isEqualTo(404);
        }

        var bigSpenders = Map.of("rule", Map.of("field", "spend", "op", "gte", "value", 1));
        assertThat(preview(mall, bigSpenders)).as("the group's buyers").containsExactlyInAnyOrder(bothId, mallOnlyId);
        assertThat(preview(shop, bigSpenders)).as("the tenant's own buyers").containsExactly(bothId);
        assertThat(preview(outsider, bigSpenders)).isEmpty();
        var overTenThousand = Map.of("rule", Map.of("field", "spend", "op", "gte", "value", 10_000));
        assertThat(preview(mall, overTenThousand)).as("spend summed across the group").containsExactly(bothId);
        assertThat(preview(shop, overTenThousand)).isEmpty();

        var saved = api.post("/api/v1/merchant/segments", Map.of("name", "商场常客", "rule",
                Map.of("field", "visits", "op", "gte", "value", 2)), mall.ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        assertThat(saved.body().path("members").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/merchant/segments/" + saved.text("id"), shop.ownerToken()).status())
                .as("the group's segment is the owner's").isEqualTo(404);
        sell(shopKey, "GS-2", 1000, shopOnly);
        sell(shopKey, "GS-3", 1000, shopOnly);
        Drained.await(jdbc);
        var members = api.get("/api/v1/merchant/segments/" + saved.text("id") + "/members", mall.ownerToken());
        assertThat(members.status()).as(members.raw()).isEqualTo(200);
        assertThat(members.body().path("items").valueStream().map(JsonNode::asString).toList())
                .as("two sales at a tenant bring its member into the owner's segment")
                .containsExactlyInAnyOrder(bothId, shopOnlyId);
    }

    private void group(MerchantFixture owner, MerchantFixture member) {
        var operator = fixtures.operatorToken();
        var created = api.post("/api/v1/admin/points-programs", Map.of("name", owner.id() + "积分",
                "ownerMerchantId", owner.id()), operator);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        var added = api.post("/api/v1/admin/points-programs/" + created.text("programId") + "/merchants",
                Map.of("merchantId", member.id()), operator);
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
    }

    private List<String> preview(MerchantFixture merchant, Map<String, ?> body) {
        var preview = api.post("/api/v1/merchant/segments/preview", body, merchant.ownerToken());
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().path("count").asLong()).isEqualTo(preview.body().path("sample").size());
        return preview.body().path("sample").valueStream().map(JsonNode::asString).toList();
    }

    private void sell(String key, String txn, long total, String phone) {
        var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale(txn, total, clock.instant().minusSeconds(60),
                "CASH", Map.of("phone", phone)), key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
    }

    private JsonNode profile(MerchantFixture merchant, String customer) {
        var response = api.get(path(customer), merchant.ownerToken());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static String path(String customer) {
        return "/api/v1/merchant/members/" + customer + "/profile";
    }

    private String join(MerchantFixture merchant, String phone) {
        var member = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "会员"),
                merchant.ownerToken());
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        return member.text("customerId");
    }

    private String posKey(MerchantFixture merchant) {
        UUID store = fixtures.store(merchant, Fixtures.unique("画像店"), 31.2, 121.4, "火锅");
        var created = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("secret");
    }
}
