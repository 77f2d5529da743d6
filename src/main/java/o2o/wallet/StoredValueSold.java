package o2o.wallet;

import java.time.Instant;

import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;

/**
 * A member bought stored value at a merchant, at the counter or online as a TOP_UP order: {@code paid} is the money
 * taken, {@code bonus} what the merchant's rules gave on top. Published once per {@code reference}, the ledger
 * entry's.
 */
public record StoredValueSold(MerchantId merchantId, CustomerId customerId, Money paid, Money bonus,
        TopUpChannel channel, Instant at, String reference) {}
