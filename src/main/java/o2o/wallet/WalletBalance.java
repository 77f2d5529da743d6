package o2o.wallet;

import java.util.UUID;

import o2o.shared.Money;

/** A member's stored value at a merchant: what they paid in (refundable) and the bonus on top (not refundable). */
public record WalletBalance(UUID merchantId, Money principal, Money bonus) {

    public Money total() {
        return principal.plus(bonus);
    }
}
