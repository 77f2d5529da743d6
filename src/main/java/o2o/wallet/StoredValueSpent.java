package o2o.wallet;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;

/**
 * A member paid with stored value at a merchant (an order paid by the wallet, or a bill charged at the counter),
 * principal and bonus together; published once per {@code reference}, the ledger entry's.
 */
public record StoredValueSpent(MerchantId merchantId, CustomerId customerId, Money amount, Instant at,
        String reference) {}
