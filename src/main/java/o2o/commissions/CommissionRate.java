package o2o.commissions;

import java.time.LocalDate;
import java.util.UUID;

import o2o.shared.MerchantId;
import org.jspecify.annotations.Nullable;

/**
 * A rate a taker takes of one merchant's orders ({@code merchant}) or of a merchant category's ({@code category}),
 * one of the two, in basis points (0–5000), for orders paid on {@code validFrom} (a day in Shanghai) or later until a
 * later rate of the same taker and subject.
 */
public record CommissionRate(UUID id, Taker taker, @Nullable MerchantId merchant, @Nullable String category,
        int rateBps, LocalDate validFrom) {}
