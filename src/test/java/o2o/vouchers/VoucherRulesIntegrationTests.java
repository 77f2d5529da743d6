package o2o.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What a voucher may and may not do: where and when it redeems, refunds by policy, expiry, reversal. */
class VoucherRulesIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    Fixtures.MerchantFixture merchant;
    UUID store;
    UUID otherStore;

    @BeforeEach
    void setUp() {
        merchant = fixtures.approvedMerchant("规则商户");
        store = fixtures.store(merchant, "可用店", 31.2, 121.4, "火锅");
        otherStore = fixtures.store(merchant, "不可用店", 31.3, 121.5, "火锅");
    }

    record Bought(String customer, String orderId, List<JsonNode> vouchers) {}

    Bought buy(UUID deal, int quantity) {
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, quantity).text("id");
        fixtures.pay(customer, orderId, true);
        var vouchers = fixtures.vouchersOf(customer, quantity);
        return new Bought(customer, orderId, vouchers.valueStream().toList());
    }

    @Test
    void aVoucherRedeemsOnlyAtItsDealsStoresAndOnlyWithItsMerchantsStaff() {
        var deal = fixtures.deal(merchant, Set.of(store), 5000, null, false, "ANYTIME");
        var code = buy(deal, 1).vouchers().getFirst().path("code").asString();
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());

        var elsewhere = api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", otherStore), cashier);
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.text("type")).isEqualTo("urn:o2o:problem:voucher-not-usable-here");

        var kitchen = fixtures.staff(merchant, Role.KITCHEN, Set.of());
        assertThat(api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", store), kitchen).status())
                .isEqualTo(403);

        var stranger = fixtures.approvedMerchant("别家");
        var strangerStore = fixtures.store(stranger, "别家店", 31.2, 121.4, "火锅");
        var theirCashier = fixtures.staff(stranger, Role.CASHIER, Set.of());
        assertThat(api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", strangerStore), theirCashier)
                .status()).as("another merchant's code is unknown here").isEqualTo(404);
        assertThat(api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", store), theirCashier)
                .status()).isEqualTo(404);

        var typo = code.substring(0, 11) + ((code.charAt(11) - '0' + 1) % 10);
        var mistyped = api.post("/api/v1/merchant/redemptions", Map.of("code", typo, "storeId", store), cashier);
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.text("detail")).contains("check digit");
        assertThat(api.post("/api/v1/merchant/redemptions", Map.of("storeId", store), cashier).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/merchant/redemptions", Map.of("qrToken", "forged.token", "storeId", store), cashier)
                .status()).isEqualTo(400);

        assertThat(api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", store), cashier).status())
                .isEqualTo(200);
    }

    @Test
    void aVoucherRedeemsOnlyWithinItsUsableHours() {
        var now = Instant.now();
        var closedNow = new HashMap<String, Object>(Map.of("title", "仅限凌晨", "price", Map.of("minor", 1000, "currency", "CNY"),
                "storeIds", Set.of(store), "saleStartsAt", now.minusSeconds(60).toString(),
                "saleEndsAt", now.plus(Duration.ofDays(1)).toString(), "validFrom", now.minusSeconds(60).toString(),
                "validUntil", now.plus(Duration.ofDays(30)).toString(), "refundPolicy", "ANYTIME"));
        // usable one hour a day, about six hours away from now (store time) and never across midnight, so not now
        var shanghai = now.atZone(ZoneId.of("Asia/Shanghai"));
        int hour = (shanghai.getHour() + 6) % 23;
        var window = "%02d:00-%02d:00".formatted(hour, hour + 1);
        var hours = new HashMap<String, List<String>>();
        for (var day : DayOfWeek.values()) hours.put(day.name(), List.of(window));
        closedNow.put("usableHours", hours);
        var deal = api.post("/api/v1/merchant/deals", closedNow, merchant.ownerToken());
        assertThat(deal.status()).as(deal.raw()).isEqualTo(201);
        var code = buy(UUID.fromString(deal.text("id")), 1).vouchers().getFirst().path("code").asString();
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        var tooEarly = api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", store), cashier);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.text("type")).isEqualTo("urn:o2o:problem:voucher-outside-validity");
    }

    @Test
    void aCustomerRefundsUnusedVouchersOneByOneButNeverAUsedOne() {
        var deal = fixtures.deal(merchant, Set.of(store), 3333, null, false, "ANYTIME");
        var bought = buy(deal, 3); // 99.99 split as 33.33 each
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        var used = bought.vouchers().get(0);
        api.post("/api/v1/merchant/redemptions", Map.of("code", used.path("code").asString(), "storeId", store), cashier);

        var refunded = api.post("/api/v1/me/vouchers/" + bought.vouchers().get(1).path("id").asString() + "/refund",
                null, bought.customer());
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
        assertThat(refunded.text("status")).isEqualTo("REFUNDED");
        var order = api.get("/api/v1/me/orders/" + bought.orderId(), bought.customer());
        assertThat(order.text("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(order.body().path("refundedAmount").path("minor").asLong()).isEqualTo(3333);

        var usedRefund = api.post("/api/v1/me/vouchers/" + used.path("id").asString() + "/refund", null, bought.customer());
        assertThat(usedRefund.status()).isEqualTo(409);
        assertThat(usedRefund.text("type")).isEqualTo("urn:o2o:problem:voucher-not-refundable");
        var twice = api.post("/api/v1/me/vouchers/" + bought.vouchers().get(1).path("id").asString() + "/refund",
                null, bought.customer());
        assertThat(twice.status()).isEqualTo(409);

        var someoneElse = fixtures.customerToken(Fixtures.uniquePhone());
        assertThat(api.post("/api/v1/me/vouchers/" + bought.vouchers().get(2).path("id").asString() + "/refund", null,
                someoneElse).status()).isEqualTo(404);
        api.post("/api/v1/me/vouchers/" + bought.vouchers().get(2).path("id").asString() + "/refund", null, bought.customer());
        assertThat(api.get("/api/v1/me/orders/" + bought.orderId(), bought.customer()).text("status"))
                .as("one used, two refunded: nothing left to use").isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select coalesce(sum(amount_minor), 0) from refund where order_id = :o")
                .param("o", UUID.fromString(bought.orderId())).query(Long.class).single()).isEqualTo(6666);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "select count(*) from refund where order_id = :o and status = 'SUCCEEDED'")
                .param("o", UUID.fromString(bought.orderId())).query(Long.class).single() == 2);
    }

    @Test
    void aDealSoldWithoutRefundsCannotBeRefunded() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, null, false, "NO_REFUND");
        var bought = buy(deal, 1);
        var refund = api.post("/api/v1/me/vouchers/" + bought.vouchers().getFirst().path("id").asString() + "/refund",
                null, bought.customer());
        assertThat(refund.status()).isEqualTo(409);
        assertThat(refund.text("type")).isEqualTo("urn:o2o:problem:voucher-not-refundable");
    }

    @Test
    void unusedVouchersExpireAndAreRefundedWhereTheDealSaysSo() {
        var autoRefund = fixtures.deal(merchant, Set.of(store), 2000, null, false, "AUTO_ON_EXPIRY");
        var finalSale = fixtures.deal(merchant, Set.of(store), 2000, null, false, "NO_REFUND");
        var refunded = buy(autoRefund, 2);
        var expired = buy(finalSale, 1);
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        api.post("/api/v1/merchant/redemptions", Map.of("code", refunded.vouchers().getFirst().path("code").asString(),
                "storeId", store), cashier);

        clock.advance(Duration.ofDays(31));
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var statuses = api.get("/api/v1/me/vouchers", refunded.customer()).body().valueStream()
                    .map(v -> v.path("status").asString()).toList();
            assertThat(statuses).containsExactlyInAnyOrder("REDEEMED", "REFUNDED");
            assertThat(api.get("/api/v1/me/vouchers", expired.customer()).body().get(0).path("status").asString())
                    .isEqualTo("EXPIRED");
        });
        assertThat(api.get("/api/v1/me/orders/" + refunded.orderId(), refunded.customer()).text("status"))
                .isEqualTo("COMPLETED");
        assertThat(api.get("/api/v1/me/orders/" + expired.orderId(), expired.customer()).text("status"))
                .isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select count(*) from refund where order_id = :o")
                .param("o", UUID.fromString(expired.orderId())).query(Long.class).single()).isZero();
    }

    @Test
    void aManagerReversesAMistakenRedemptionWithinTheWindowOnly() {
        var deal = fixtures.deal(merchant, Set.of(store), 1000, null, false, "ANYTIME");
        var bought = buy(deal, 1);
        var code = bought.vouchers().getFirst().path("code").asString();
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        var manager = fixtures.staff(merchant, Role.MANAGER, Set.of());
        var redemption = api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", store), cashier);
        var id = redemption.text("id");
        assertThat(api.get("/api/v1/me/orders/" + bought.orderId(), bought.customer()).text("status")).isEqualTo("COMPLETED");

        assertThat(api.post("/api/v1/merchant/redemptions/" + id + "/reversal", null, cashier).status()).isEqualTo(403);
        var reversed = api.post("/api/v1/merchant/redemptions/" + id + "/reversal", null, manager);
        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(200);
        assertThat(reversed.text("reversedAt")).isNotBlank();
        assertThat(api.get("/api/v1/me/vouchers", bought.customer()).body().get(0).path("status").asString())
                .isEqualTo("ISSUED");
        assertThat(api.get("/api/v1/me/orders/" + bought.orderId(), bought.customer()).text("status")).isEqualTo("PAID");
        assertThat(api.post("/api/v1/merchant/redemptions/" + id + "/reversal", null, manager).status()).isEqualTo(409);

        var again = api.post("/api/v1/merchant/redemptions", Map.of("code", code, "storeId", store), cashier);
        assertThat(again.status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        var late = api.post("/api/v1/merchant/redemptions/" + again.text("id") + "/reversal", null, manager);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("type")).isEqualTo("urn:o2o:problem:reversal-window-over");
        assertThat(api.get("/api/v1/merchant/redemptions", manager).body().size()).isEqualTo(2);
    }

    @Test
    void guessingCodesAtTheCounterIsRateLimited() {
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        int limited = 0;
        for (int i = 0; i < 35; i++) {
            var guess = api.post("/api/v1/merchant/redemptions", Map.of("code", "000000000000", "storeId", store), cashier);
            if (guess.status() == 429) limited++;
            else assertThat(guess.status()).isIn(400, 404);
        }
        assertThat(limited).isEqualTo(5);
    }
}
