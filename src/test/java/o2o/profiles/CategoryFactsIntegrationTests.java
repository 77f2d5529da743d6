package o2o.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.catalog.ItemCategories;
import o2o.catalog.ItemCategories.NamedItem;
import o2o.shared.MerchantId;
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
 * A member's top menu categories come from the lines they bought, a POS line counting in the category of the menu
 * item of its name; "bought in category" segments them the way "bought item" does.
 */
class CategoryFactsIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ItemCategories catalog;

    @Test
    void aPosLineNamingAMenuItemCountsInItsCategoryOnTheProfileAndInSegments() {
        var merchant = fixtures.approvedMerchant("品类画像");
        var drinks = category(merchant, "酒水");
        var beer = item(merchant, drinks, "啤酒");
        var store = fixtures.store(merchant, Fixtures.unique("品类店"), 31.2, 121.4, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken()).text("secret");
        var phone = Fixtures.uniquePhone();
        var buyer = join(merchant, phone);
        var idle = join(merchant, Fixtures.uniquePhone());
        for (var txn : List.of("K-1", "K-2")) {
            var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale(txn, 8000, clock.instant().minusSeconds(60),
                    "CASH", Map.of("phone", phone)), key);
            assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        }
        Drained.await(jdbc);

        var profile = api.get("/api/v1/merchant/members/" + buyer + "/profile", merchant.ownerToken());
        assertThat(profile.status()).as(profile.raw()).isEqualTo(200);
        var categories = profile.body().path("categories");
        assertThat(categories.size()).as("锅底 is on no menu: in no category").isEqualTo(1);
        assertThat(categories.get(0).path("name").asString()).isEqualTo("酒水");
        assertThat(categories.get(0).path("quantity").asLong()).as("two beers a sale").isEqualTo(4);
        assertThat(categories.get(0).path("amount").path("minor").asLong()).isEqualTo(2 * 8000 / 4);

        assertThat(preview(merchant, "has", "酒水")).containsExactly(buyer);
        assertThat(preview(merchant, "lacks", "酒水")).containsExactly(idle);
        assertThat(preview(merchant, "has", "热菜")).isEmpty();
        assertThat(preview(fixtures.approvedMerchant("品类圈外"), "has", "酒水")).isEmpty();

        assertThat(catalog.categoriesOf(List.of(beer, UUID.randomUUID()))).containsExactly(Map.entry(beer, "酒水"));
        var m = new MerchantId(merchant.id());
        assertThat(catalog.categoriesOfNamed(List.of(new NamedItem(m, "啤酒"), new NamedItem(m, "锅底"),
                new NamedItem(new MerchantId(UUID.randomUUID()), "啤酒"))))
                .containsExactly(Map.entry(new NamedItem(m, "啤酒"), "酒水"));
    }

    private List<String> preview(MerchantFixture merchant, String op, String category) {
        var preview = api.post("/api/v1/merchant/segments/preview",
                Map.of("rule", Map.of("field", "category", "op", op, "value", category)), merchant.ownerToken());
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        return preview.body().path("sample").valueStream().map(JsonNode::asString).toList();
    }

    private String category(MerchantFixture merchant, String name) {
        var created = api.post("/api/v1/merchant/menu/categories", Map.of("name", name, "sortOrder", 1),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    private UUID item(MerchantFixture merchant, String category, String name) {
        var created = api.post("/api/v1/merchant/menu/items", Map.of("categoryId", category, "name", name,
                "description", "冰镇", "price", Map.of("minor", 1000, "currency", "CNY"), "optionGroups", List.of()),
                merchant.ownerToken());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private String join(MerchantFixture merchant, String phone) {
        var member = api.post("/api/v1/merchant/members", Map.of("phone", phone, "name", "会员"),
                merchant.ownerToken());
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        return member.text("customerId");
    }
}
