package o2o.commissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.commissions.persistence.PendingCommissions;
import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.testing.Api;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What the commission tests set up: merchants of their own category, rates, paid orders, and what was counted. */
final class CommissionWorld {

    static final String RATES = "/api/v1/admin/commission-rates";

    private final Api api;
    private final Fixtures fixtures;
    private final PendingCommissions pending;
    private final Ledger ledger;
    final String operator;

    CommissionWorld(Api api, Fixtures fixtures, PendingCommissions pending, Ledger ledger) {
        this.api = api;
        this.fixtures = fixtures;
        this.pending = pending;
        this.ledger = ledger;
        this.operator = fixtures.operatorToken();
    }

    record Shop(MerchantFixture merchant, UUID store, String category) {

        UUID id() {
            return merchant.id();
        }
    }

    record Bought(String customer, String orderId, List<JsonNode> vouchers) {}

    /** An approved merchant in a category of its own (so a category rate reaches no other test's merchants). */
    Shop shop(String name) {
        var category = Fixtures.unique("类目");
        var username = Fixtures.unique("owner");
        var applied = api.post("/api/v1/merchant-applications", Map.of("name", name, "category", category,
                "contactName", "测试", "contactPhone", Fixtures.uniquePhone(), "ownerUsername", username,
                "ownerPassword", "password-1"));
        assertThat(applied.status()).as(applied.raw()).isEqualTo(201);
        var id = UUID.fromString(applied.text("id"));
        assertThat(api.post("/api/v1/admin/merchants/" + id + "/approve", null, operator).status()).isEqualTo(200);
        var merchant = new MerchantFixture(id, username, fixtures.staffToken(username, "password-1"));
        return new Shop(merchant, fixtures.store(merchant, Fixtures.unique(name + "店"), 31.23, 121.47, "火锅"),
                category);
    }

    /** Sets a rate; answers its id. */
    UUID rate(@Nullable UUID taker, @Nullable UUID merchant, @Nullable String category, int bps) {
        var body = new HashMap<String, Object>();
        if (taker != null) body.put("takerMerchantId", taker);
        if (merchant != null) body.put("merchantId", merchant);
        if (category != null) body.put("category", category);
        body.put("rateBps", bps);
        var set = api.put(RATES, body, operator);
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        return UUID.fromString(set.text("id"));
    }

    void removeRate(UUID id) {
        assertThat(api.delete(RATES + "/" + id, operator).status()).isEqualTo(204);
    }

    UUID deal(Shop shop, long price) {
        return fixtures.deal(shop.merchant(), java.util.Set.of(shop.store()), price, null, false, "ANYTIME");
    }

    /** A new customer buys and pays; answers once the order's vouchers are out (so OrderPaid was heard). */
    Bought buy(UUID deal, int quantity) {
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, quantity).text("id");
        fixtures.pay(customer, orderId, true);
        return new Bought(customer, orderId, fixtures.vouchersOf(customer, quantity).valueStream().toList());
    }

    void refund(Bought bought, int voucher) {
        var refunded = api.post("/api/v1/me/vouchers/" + bought.vouchers().get(voucher).path("id").asString()
                + "/refund", null, bought.customer());
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
    }

    /** Waits until every fact heard so far is counted. */
    void counted() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> pending.pending() == 0);
    }

    /** What the merchant owes the taker ("platform" or a merchant's id) on the ledger. */
    long due(UUID merchant, String taker) {
        return ledger.find(new AccountKey("COMMISSION_DUE", "merchant:" + merchant, "taker:" + taker, "CNY"))
                .map(o2o.ledger.Account::balance).orElse(0L);
    }

    JsonNode statement(String token) {
        var statement = api.get("/api/v1/merchant/commission/statement", token);
        assertThat(statement.status()).as(statement.raw()).isEqualTo(200);
        return statement.body();
    }

    static long minor(JsonNode node, String field) {
        return node.path(field).path("minor").asLong();
    }
}
