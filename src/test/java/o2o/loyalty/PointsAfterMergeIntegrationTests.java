package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import o2o.orders.Channel;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Points that arrive for a customer after the operator merged them into another land on the one they became. */
class PointsAfterMergeIntegrationTests extends LoyaltyTest {

    @Test
    void anOrderPaidOrRefundedAfterItsCustomerWasMergedCountsForTheMergedCustomer() {
        var merchant = fixtures.approvedMerchant("合并后入账");
        var source = member(merchant);
        var target = member(merchant);
        var program = program(merchant);
        var paidBefore = pay(merchant, source, Channel.DEAL, 10000);

        var merged = api.post("/api/v1/admin/customers/merge",
                Map.of("sourceCustomerId", source.id(), "targetCustomerId", target.id()), fixtures.operatorToken());
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> balance(program, target) == 100);

        pay(merchant, source, Channel.DEAL, 5000);
        assertThat(balance(program, target)).as("earned after the merge, by the merged customer").isEqualTo(150);
        refund(paidBefore, merchant, source, 10000, 10000, "after-merge");
        assertThat(balance(program, target)).as("a refund after the merge takes back from the merged customer")
                .isEqualTo(50);
        assertThat(balance(program, source)).isZero();
    }
}
