package o2o.pos;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A sale as the POS reports it; amounts in minor units (fen). Checked by {@link PosSales}, not here, so a batch can
 * report each bad sale as a problem instead of failing the whole request.
 *
 * @param member who bought, if the POS knows: by phone, member card number or member QR code
 */
public record Sale(@Nullable String posTransactionId, @Nullable Instant soldAt, @Nullable List<Line> lines,
        @Nullable Long total, @Nullable String paymentMethod, @Nullable MemberRef member) {

    public record Line(@Nullable String name, @Nullable Integer quantity, @Nullable Long unitPrice,
            @Nullable Long amount) {}

    public record MemberRef(@Nullable String phone, @Nullable String card, @Nullable String memberQr) {}
}
