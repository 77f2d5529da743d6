package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.identity.Role;
import o2o.orders.Channel;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A member is found by the plastic card the merchant gave them, at the counter and from the POS, with their tier. */
class MemberCardAndTierLookupIntegrationTests extends LoyaltyTest {

    @Test
    void aMemberIsFoundByCardAtTheCounterAndFromThePosWithTheirTier() {
        var merchant = fixtures.approvedMerchant("卡号查会员");
        var store = fixtures.store(merchant, "卡号店", 31.2, 121.4, "火锅");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of(store));
        putTiers(merchant, "POINTS", null, List.of(level("银卡", 100, 5, 100), level("金卡", 10000, 10, 150)));
        var phone = Fixtures.uniquePhone();
        var token = fixtures.customerToken(phone);
        var member = join(new Member(UUID.fromString(api.post("/api/v1/me/memberships",
                Map.of("merchantId", merchant.id()), token).text("customerId")), token), merchant);
        pay(merchant, member, Channel.DEAL, 20000);
        var card = Fixtures.unique("VIP-");
        var bound = api.post("/api/v1/merchant/member-cards", Map.of("phone", phone, "cardNumber", card), cashier);
        assertThat(bound.status()).as(bound.raw()).isEqualTo(201);

        var atCounter = api.get("/api/v1/merchant/members/lookup?card=" + card, cashier);
        assertThat(atCounter.status()).as(atCounter.raw()).isEqualTo(200);
        assertThat(atCounter.text("customerId")).isEqualTo(member.id().toString());
        assertThat(atCounter.body().path("points").asLong()).isEqualTo(200);
        assertThat(atCounter.body().path("tier").path("name").asString()).isEqualTo("银卡");
        assertThat(atCounter.body().path("tier").path("discountPercent").asInt()).isEqualTo(5);

        var profile = api.get("/api/v1/merchant/members/" + member.id(), merchant.ownerToken());
        assertThat(profile.body().path("tier").path("name").asString()).isEqualTo("银卡");

        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken()).text("secret");
        var fromPos = api.send("GET", "/api/v1/pos/members?card=" + card, null, null, Map.of("X-Api-Key", key));
        assertThat(fromPos.status()).as(fromPos.raw()).isEqualTo(200);
        assertThat(fromPos.text("tier")).isEqualTo("银卡");
        assertThat(fromPos.body().path("tierDiscountPercent").asInt()).isEqualTo(5);
        assertThat(fromPos.body().path("points").asLong()).isEqualTo(200);

        var unknown = api.get("/api/v1/merchant/members/lookup?card=NO-SUCH-CARD", cashier);
        assertThat(unknown.status()).isEqualTo(404);
        var other = fixtures.approvedMerchant("别家");
        var otherStore = fixtures.store(other, "别家店", 31.2, 121.4, "火锅");
        var otherCashier = fixtures.staff(other, Role.CASHIER, Set.of(otherStore));
        assertThat(api.get("/api/v1/merchant/members/lookup?card=" + card, otherCashier).status())
                .as("a card number means nothing at another merchant").isEqualTo(404);
    }
}
