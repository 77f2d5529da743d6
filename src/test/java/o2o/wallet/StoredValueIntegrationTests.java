package o2o.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.identity.Role;
import o2o.testing.Api;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

class StoredValueIntegrationTests extends ApiTest {

    record Setup(Fixtures.MerchantFixture merchant, UUID store, String cashier, String phone, String customer) {}

    Setup setUpWallet(long topUpMinor) {
        var merchant = fixtures.approvedMerchant("储值店");
        var store = fixtures.store(merchant, "储值一店", 31.2, 121.4, "火锅");
        assertThat(api.put("/api/v1/merchant/wallet/rules", Map.of("bonusByThreshold", Map.of("50000", 5000, "100000", 12000)),
                merchant.ownerToken()).status()).isEqualTo(200);
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        var phone = Fixtures.uniquePhone();
        var customer = fixtures.customerToken(phone);
        var topUp = api.send("POST", "/api/v1/merchant/wallet/top-ups",
                Map.of("phone", phone, "amount", Map.of("minor", topUpMinor, "currency", "CNY")), cashier,
                Map.of("Idempotency-Key", "till-1-" + UUID.randomUUID()));
        assertThat(topUp.status()).as(topUp.raw()).isEqualTo(200);
        return new Setup(merchant, store, cashier, phone, customer);
    }

    Api.Response payWithWallet(String customer, String orderId) {
        return api.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "wallet"), customer);
    }

    String wallet(Setup s) {
        return "/api/v1/me/wallet?merchantId=" + s.merchant().id();
    }

    @Test
    void aTopUpEarnsItsBonusOnceAndPaysForADealOnTheSpot() {
        var s = setUpWallet(50000);
        var balance = api.get(wallet(s), s.customer()).body();
        assertThat(balance.path("principal").path("minor").asLong()).isEqualTo(50000);
        assertThat(balance.path("bonus").path("minor").asLong()).isEqualTo(5000);

        var key = Map.of("Idempotency-Key", "till-1-repeat-" + UUID.randomUUID());
        var body = Map.of("phone", s.phone(), "amount", Map.of("minor", 1000, "currency", "CNY"));
        api.send("POST", "/api/v1/merchant/wallet/top-ups", body, s.cashier(), key);
        api.send("POST", "/api/v1/merchant/wallet/top-ups", body, s.cashier(), key);
        assertThat(api.get(wallet(s), s.customer()).body().path("principal").path("minor").asLong()).isEqualTo(51000);

        var deal = fixtures.deal(s.merchant(), Set.of(s.store()), 20000, null, false, "ANYTIME");
        var orderId = fixtures.order(s.customer(), deal, 1).text("id");
        var paid = payWithWallet(s.customer(), orderId);
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        assertThat(paid.text("status")).isEqualTo("SUCCEEDED");
        var voucher = fixtures.vouchersOf(s.customer(), 1).get(0);
        assertThat(api.get(wallet(s), s.customer()).body().path("principal").path("minor").asLong()).isEqualTo(31000);

        api.post("/api/v1/me/vouchers/" + voucher.path("id").asString() + "/refund", null, s.customer());
        var after = api.get(wallet(s), s.customer()).body();
        assertThat(after.path("principal").path("minor").asLong()).isEqualTo(51000);
        assertThat(after.path("bonus").path("minor").asLong()).isEqualTo(5000);
        assertThat(api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body().path("differences").size()).isZero();
    }

    @Test
    void aShortBalancePaysNothingAndTheOrderStaysPayable() {
        var s = setUpWallet(10000);
        var deal = fixtures.deal(s.merchant(), Set.of(s.store()), 20000, null, false, "ANYTIME");
        var orderId = fixtures.order(s.customer(), deal, 1).text("id");
        var short_ = payWithWallet(s.customer(), orderId);
        assertThat(short_.status()).isEqualTo(409);
        assertThat(short_.text("type")).isEqualTo("urn:o2o:problem:insufficient-balance");
        assertThat(api.get("/api/v1/me/orders/" + orderId, s.customer()).text("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(api.get(wallet(s), s.customer()).body().path("principal").path("minor").asLong()).isEqualTo(10000);
    }

    @Test
    void simultaneousWalletPaymentsNeverOverdrawTheBalance() throws Exception {
        var s = setUpWallet(50000); // 500 + 50 bonus = 550 yuan
        var deal = fixtures.deal(s.merchant(), Set.of(s.store()), 10000, null, false, "ANYTIME");
        var orders = IntStream.range(0, 8).mapToObj(i -> fixtures.order(s.customer(), deal, 1).text("id")).toList();
        var results = Concurrently.atOnce(orders.stream().<Callable<Api.Response>>map(o -> () ->
                payWithWallet(s.customer(), o)).toList());
        long paid = results.stream().filter(r -> r.status() == 201).count();
        assertThat(paid).isBetween(1L, 5L);
        assertThat(results).allMatch(r -> r.status() == 201 || r.status() == 409);
        var balance = api.get(wallet(s), s.customer()).body();
        long left = balance.path("principal").path("minor").asLong() + balance.path("bonus").path("minor").asLong();
        assertThat(left).isEqualTo(55000 - paid * 10000).isNotNegative();
    }

    @Test
    void onlyCounterStaffTopUpAndOnlyInTheirOwnMerchant() {
        var s = setUpWallet(1000);
        var kitchen = fixtures.staff(s.merchant(), Role.KITCHEN, Set.of());
        var body = Map.of("phone", s.phone(), "amount", Map.of("minor", 1000, "currency", "CNY"));
        assertThat(api.send("POST", "/api/v1/merchant/wallet/top-ups", body, kitchen,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(403);
        var other = fixtures.approvedMerchant("别的店");
        var theirCashier = fixtures.staff(other, Role.CASHIER, Set.of());
        api.send("POST", "/api/v1/merchant/wallet/top-ups", body, theirCashier,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(api.get(wallet(s), s.customer()).body().path("principal").path("minor").asLong())
                .as("a top-up at another merchant lands in that merchant's wallet, not this one").isEqualTo(1000);
    }
}
