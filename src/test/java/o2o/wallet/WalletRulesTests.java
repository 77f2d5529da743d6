package o2o.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import o2o.ledger.Entry;
import o2o.ledger.Posting;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import o2o.wallet.persistence.RefundWindow;
import org.junit.jupiter.api.Test;

class WalletRulesTests {

    private final UUID principal = UUID.randomUUID();
    private final UUID bonus = UUID.randomUUID();
    private final UUID sales = UUID.randomUUID();

    @Test
    void aPaymentSpendsPrincipalFirstThenBonus() {
        var spending = Spending.of(3000, 500, 3200);

        assertThat(spending).isEqualTo(new Spending(3000, 200));
        assertThat(spending.postings(principal, bonus, sales)).containsExactly(new Posting(principal, -3000),
                new Posting(bonus, -200), new Posting(sales, 3200));
    }

    @Test
    void aPaymentWithinThePrincipalLeavesTheBonusAlone() {
        assertThat(Spending.of(3000, 500, 1000).postings(principal, bonus, sales))
                .containsExactly(new Posting(principal, -1000), new Posting(sales, 1000));
    }

    @Test
    void aPaymentBeyondPrincipalAndBonusIsRefused() {
        assertThatThrownBy(() -> Spending.of(3000, 500, 3501)).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).slug()).isEqualTo("insufficient-balance");
    }

    @Test
    void aPaymentRefundGoesBackInTheProportionItWasPaid() {
        var payment = new Entry(UUID.randomUUID(), "payment:1", "储值支付", Instant.EPOCH,
                List.of(new Posting(principal, -750), new Posting(bonus, -250), new Posting(sales, 1000)), false);

        assertThat(PaymentRefund.of(payment, 401)).containsExactly(new Posting(principal, 300),
                new Posting(bonus, 101), new Posting(sales, -401));
    }

    @Test
    void aPrincipalRefundPaysBackWhatWasToppedUpInTheWindowAndForfeitsItsBonus() {
        var payback = PrincipalPayback.of(8000, 1000, new RefundWindow(10_000, 1000, 4000), 30);

        assertThat(payback).isEqualTo(new PrincipalPayback(6000, 600));
    }

    @Test
    void aPrincipalRefundNeverPaysMoreThanIsLeftNorForfeitsMoreBonusThanIsLeft() {
        assertThat(PrincipalPayback.of(2000, 100, new RefundWindow(10_000, 5000, 0), 30))
                .isEqualTo(new PrincipalPayback(2000, 100));
    }

    @Test
    void nothingToppedUpInTheWindowIsNothingToRefund() {
        assertThatThrownBy(() -> PrincipalPayback.of(8000, 0, new RefundWindow(5000, 0, 5000), 30))
                .isInstanceOf(Problem.class).hasMessageContaining("within the last 30 days");
    }

    @Test
    void aCounterTopUpIsCashOrCard() {
        assertThat(TopUpMethod.of("CASH").description()).isEqualTo("储值充值（现金）");
        assertThat(TopUpMethod.of("CARD").description()).isEqualTo("储值充值（刷卡）");
        assertThatThrownBy(() -> TopUpMethod.of("cash")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aMemberHoldsPrincipalAndBonusAndTheMerchantTheRest() {
        var customer = UUID.randomUUID();
        var merchant = UUID.randomUUID();

        var key = WalletAccount.STORED_VALUE_PRINCIPAL.memberKey(customer, merchant);
        assertThat(key.holder()).isEqualTo("customer:" + customer);
        assertThat(key.scope()).isEqualTo("merchant:" + merchant);
        assertThat(WalletAccount.TOP_UP_CASH.merchantKey(merchant).holder()).isEqualTo("merchant:" + merchant);
        assertThat(WalletAccount.STORED_VALUE_BONUS.mayGoNegative()).isFalse();
        assertThat(WalletAccount.STORED_VALUE_SALES.mayGoNegative()).isTrue();
        assertThatThrownBy(() -> WalletAccount.TOP_UP_CASH.memberKey(customer, merchant))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WalletAccount.STORED_VALUE_BONUS.merchantKey(merchant))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
