package o2o.commissions;

import java.util.UUID;

import o2o.shared.MerchantId;
import org.jspecify.annotations.Nullable;

/** Who takes a commission: the platform ({@code merchant} null) or a merchant that takes it from others (a mall). */
public record Taker(@Nullable MerchantId merchant) {

    public static final Taker PLATFORM = new Taker(null);

    public static Taker of(@Nullable UUID merchantId) {
        return merchantId == null ? PLATFORM : new Taker(new MerchantId(merchantId));
    }

    /** As stored: {@code platform} or the taker merchant's id. */
    public static Taker ofKey(String key) {
        return key.equals("platform") ? PLATFORM : new Taker(new MerchantId(UUID.fromString(key)));
    }

    public boolean isPlatform() {
        return merchant == null;
    }

    public String key() {
        return merchant == null ? "platform" : merchant.value().toString();
    }

    public @Nullable UUID merchantId() {
        return merchant == null ? null : merchant.value();
    }

    /** The taker as a ledger holder: {@code platform} or {@code merchant:<id>}. */
    String holder() {
        return merchant == null ? "platform" : "merchant:" + merchant.value();
    }
}
