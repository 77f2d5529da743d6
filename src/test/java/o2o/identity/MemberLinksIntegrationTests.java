package o2o.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.CrossMerchantAccess;
import o2o.testing.CrossMerchantAccess.Endpoint;
import o2o.testing.CrossMerchantAccess.Victim;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MemberLinksIntegrationTests extends ApiTest {

    @Autowired
    Customers customers;

    UUID idOf(String token) {
        return UUID.fromString(api.get("/api/v1/me", token).text("id"));
    }

    @Test
    void aWechatOpenidBelongsToOneCustomerAndBindingSomebodyElsesIsAConflict() {
        var alice = idOf(fixtures.customerToken(Fixtures.uniquePhone()));
        var bob = idOf(fixtures.customerToken(Fixtures.uniquePhone()));
        var account = WechatAccount.of(Fixtures.unique("oWx_"));

        customers.bindWechat(alice, account);
        customers.bindWechat(alice, account);
        assertThatThrownBy(() -> customers.bindWechat(bob, account))
                .isInstanceOfSatisfying(o2o.shared.Problem.class, p -> assertThat(p.slug()).isEqualTo("wechat-taken"));
        assertThat(customers.wechatOf(bob)).isEmpty();
        assertThat(customers.byWechatOpenid(account.openid()).orElseThrow().customerId()).isEqualTo(alice);

        customers.unbindWechat(bob, account.openid());
        assertThat(customers.byWechatOpenid(account.openid())).as("somebody else's openid is not theirs to unbind").isPresent();
        customers.unbindWechat(alice, account.openid());
        assertThat(customers.byWechatOpenid(account.openid())).isEmpty();
        customers.bindWechat(bob, account);
        assertThat(customers.byWechatOpenid(account.openid()).orElseThrow().customerId())
                .as("an unbound openid is free again").isEqualTo(bob);
        assertThatThrownBy(() -> WechatAccount.of("has spaces")).isInstanceOf(o2o.shared.InvalidInput.class);
    }

    @Test
    void twoCustomersRacingForOneOpenidGetItOnce() throws Exception {
        var account = WechatAccount.of(Fixtures.unique("oRace_"));
        var ids = IntStream.range(0, 6).mapToObj(i -> idOf(fixtures.customerToken(Fixtures.uniquePhone()))).toList();
        var results = Concurrently.atOnce(ids.stream().<Callable<String>>map(id -> () -> {
            try {
                customers.bindWechat(id, account);
                return "bound";
            } catch (o2o.shared.Problem problem) {
                return problem.slug();
            }
        }).toList());
        assertThat(results).containsOnly("bound", "wechat-taken");
        assertThat(results).filteredOn("bound"::equals).hasSize(1);
    }

    @Test
    void aCardNumberIsUniqueWithinAMerchantAndTwoMerchantsMayIssueTheSameNumber() {
        var merchant = fixtures.approvedMerchant("会员卡店");
        var other = fixtures.approvedMerchant("另一家");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        var alice = Fixtures.uniquePhone();
        var bob = Fixtures.uniquePhone();
        var card = Fixtures.unique("VIP-");

        var bound = api.post("/api/v1/merchant/member-cards", Map.of("phone", alice, "cardNumber", "  " + card + " "), cashier);
        assertThat(bound.status()).as(bound.raw()).isEqualTo(201);
        assertThat(bound.text("cardNumber")).as("trimmed").isEqualTo(card);
        assertThat(api.post("/api/v1/merchant/member-cards", Map.of("phone", alice, "cardNumber", card), cashier).status())
                .as("the same card to the same customer again").isEqualTo(200);
        var taken = api.post("/api/v1/merchant/member-cards", Map.of("phone", bob, "cardNumber", card), merchant.ownerToken());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).isEqualTo("urn:o2o:problem:card-taken");

        var elsewhere = api.post("/api/v1/merchant/member-cards", Map.of("phone", bob, "cardNumber", card), other.ownerToken());
        assertThat(elsewhere.status()).as("the same number at another merchant").isEqualTo(201);

        var aliceId = customers.byCard(merchant.id(), card).orElseThrow().customerId();
        assertThat(customers.byCard(other.id(), card).orElseThrow().customerId()).isNotEqualTo(aliceId);
        assertThat(customers.cardsOf(new CustomerId(aliceId), new MerchantId(merchant.id())))
                .extracting(MemberCard::cardNumber).containsExactly(card);
        assertThat(customers.cardsOf(new CustomerId(aliceId), new MerchantId(other.id()))).isEmpty();
        assertThat(api.get("/api/v1/merchant/member-cards?phone=" + alice, cashier).body().path("items").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/merchant/member-cards/" + card, cashier).text("phone")).contains("****");

        assertThat(api.delete("/api/v1/merchant/member-cards/" + card, cashier).status()).isEqualTo(204);
        assertThat(customers.byCard(merchant.id(), card)).isEmpty();
        assertThat(api.delete("/api/v1/merchant/member-cards/" + card, cashier).status()).isEqualTo(404);
        assertThat(customers.byCard(other.id(), card)).as("the other merchant's card stays").isPresent();
    }

    @Test
    void badCardNumbersAndPhonesAreRefusedAndOnlyCounterStaffBindCards() {
        var merchant = fixtures.approvedMerchant("卡号校验");
        var kitchen = fixtures.staff(merchant, Role.KITCHEN, Set.of());
        var phone = Fixtures.uniquePhone();
        for (var bad : new String[] {"abc", "x".repeat(33), "卡号1234", "12 34"}) {
            var refused = api.post("/api/v1/merchant/member-cards", Map.of("phone", phone, "cardNumber", bad), merchant.ownerToken());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.post("/api/v1/merchant/member-cards", Map.of("phone", "12345", "cardNumber", "A-1001"),
                merchant.ownerToken()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/merchant/member-cards", Map.of("phone", phone, "cardNumber", "A-1001"), kitchen).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/merchant/member-cards", merchant.ownerToken()).body().path("items").size()).isZero();
    }

    @Test
    void anotherMerchantsStaffCannotReadOrUnbindAMerchantsCards() {
        var victim = fixtures.approvedMerchant("被访问的店");
        var attacker = fixtures.approvedMerchant("越权的店");
        var card = Fixtures.unique("B-");
        assertThat(api.post("/api/v1/merchant/member-cards", Map.of("phone", Fixtures.uniquePhone(), "cardNumber", card),
                victim.ownerToken()).status()).isEqualTo(201);
        var access = new CrossMerchantAccess(api);
        var target = new Victim(victim.ownerToken(), Map.of("card", card));
        var attackerCashier = fixtures.staff(attacker, Role.CASHIER, Set.of());
        for (var token : new String[] {attacker.ownerToken(), attackerCashier}) {
            access.assertDenied(token, target, v -> Endpoint.of("GET", v.fill("/api/v1/merchant/member-cards/{card}"),
                    null, v.fill("/api/v1/merchant/member-cards/{card}")));
            access.assertDenied(token, target, v -> Endpoint.of("DELETE", v.fill("/api/v1/merchant/member-cards/{card}"),
                    null, v.fill("/api/v1/merchant/member-cards/{card}")));
        }
        assertThat(api.get("/api/v1/merchant/member-cards", attacker.ownerToken()).body().path("items").size())
                .as("the attacker's list holds none of the victim's cards").isZero();
    }
}
