package o2o.wallet;

import java.util.UUID;

import o2o.ledger.AccountKey;

/**
 * The ledger accounts of stored value. A member's principal and bonus at a merchant may not go negative; the
 * merchant's side (cash that came in, bonus given away, sales paid with stored value, balances taken over) may.
 */
enum WalletAccount {
    STORED_VALUE_PRINCIPAL, STORED_VALUE_BONUS, TOP_UP_CASH, BONUS_ISSUED, STORED_VALUE_SALES, IMPORTED_BALANCE;

    boolean mayGoNegative() {
        return this != STORED_VALUE_PRINCIPAL && this != STORED_VALUE_BONUS;
    }

    /** A member's account at a merchant (principal or bonus). */
    AccountKey memberKey(UUID customerId, UUID merchantId) {
        if (mayGoNegative()) throw new IllegalArgumentException(this + " is a merchant's account");
        return new AccountKey(name(), "customer:" + customerId, "merchant:" + merchantId, "CNY");
    }

    /** The merchant's own account of this kind. */
    AccountKey merchantKey(UUID merchantId) {
        if (!mayGoNegative()) throw new IllegalArgumentException(this + " is a member's account");
        return new AccountKey(name(), "merchant:" + merchantId, "merchant:" + merchantId, "CNY");
    }
}
