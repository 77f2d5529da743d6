package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import o2o.identity.Role;
import o2o.testing.FakeWechat;
import o2o.testing.FakeWechat.User;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff find a member by the WeChat openid WeChat vouched for at sign-in, at their own merchant only. */
class MemberLookupByWechatIntegrationTests extends LoyaltyTest {

    @Autowired
    FakeWechat wechat;

    @Test
    void staffFindTheirMemberByOpenidAndAnotherMerchantFindsNothing() {
        var merchant = fixtures.approvedMerchant("微信查会员");
        var cashier = fixtures.staff(merchant, Role.CASHIER, Set.of());
        var user = User.random("会员");
        var token = fixtures.wechatCustomer(wechat, user, Fixtures.uniquePhone());
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), token);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);

        var found = api.get("/api/v1/merchant/members/lookup?openid=" + user.openid(), cashier);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.text("customerId")).isEqualTo(joined.text("customerId"));

        assertThat(api.get("/api/v1/merchant/members/lookup?openid=oNobodyAtAll", cashier).status()).isEqualTo(404);

        var other = fixtures.approvedMerchant("别家微信店");
        var otherCashier = fixtures.staff(other, Role.CASHIER, Set.of());
        for (var attacker : new String[] {other.ownerToken(), otherCashier}) {
            var elsewhere = api.get("/api/v1/merchant/members/lookup?openid=" + user.openid(), attacker);
            assertThat(elsewhere.status()).as("not a member there: the openid finds nothing").isEqualTo(404);
            assertThat(elsewhere.raw()).doesNotContain(joined.text("customerId"));
        }
        assertThat(api.get("/api/v1/merchant/members/lookup?openid=" + user.openid() + "&phone=13800000000", cashier)
                .status()).as("exactly one way at a time").isEqualTo(400);
    }
}
