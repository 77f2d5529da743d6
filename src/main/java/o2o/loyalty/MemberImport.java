package o2o.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One import of a merchant's existing members and what became of its rows: imported (a new customer), merged (the
 * phone was already a customer), unchanged (imported before), rejected (listed with line and reason).
 */
public record MemberImport(UUID id, UUID merchantId, @Nullable String fileName, Instant createdAt, int rows,
        int imported, int merged, int unchanged, int rejected, List<Rejected> rejections) {

    public record Rejected(int line, @Nullable String cardNumber, String reason) {}
}
