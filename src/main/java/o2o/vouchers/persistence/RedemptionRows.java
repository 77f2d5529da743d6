package o2o.vouchers.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.vouchers.Redemption;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code redemption} table: who redeemed which voucher where and when, and reversals. */
@Repository
public class RedemptionRows {

    private static final String SELECT = """
            select r.id, r.voucher_id, v.code, r.merchant_id, r.store_id, r.staff_id, r.device, r.redeemed_at,
                   r.reversed_at, v.deal_title
            from redemption r join voucher v on v.id = r.voucher_id
            """;

    /** A redemption as recorded at the counter, with the voucher's move ({@link VoucherRows#redeem}). */
    public record NewRedemption(UUID id, UUID voucherId, UUID merchantId, UUID storeId, UUID staffId, String device,
            Instant at) {}

    /** When and where a voucher was last used (its redemption not reversed). */
    public record LastUse(Instant at, UUID storeId) {}

    private final JdbcClient jdbc;

    RedemptionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False if it was reversed before. */
    public boolean reverse(UUID redemptionId, UUID staffId, Instant now) {
        return jdbc.sql("""
                        update redemption set reversed_at = :now, reversed_by = :staff
                        where id = :id and reversed_at is null
                        """)
                .param("now", utc(now))
                .param("staff", staffId)
                .param("id", redemptionId)
                .update() == 1;
    }

    public Optional<Redemption> find(UUID redemptionId) {
        return jdbc.sql(SELECT + " where r.id = :id")
                .param("id", redemptionId)
                .query(RedemptionRows::redemption)
                .optional();
    }

    /** The merchant's redemptions, newest first: of one store, or of any of {@code stores} (all when empty). */
    public List<Redemption> log(@Nullable UUID merchantId, @Nullable UUID storeId, Set<UUID> stores, int limit) {
        return jdbc.sql(SELECT + """
                        where r.merchant_id = :merchant
                          and (cast(:store as uuid) is null or r.store_id = :store)
                          and (cardinality(cast(:stores as uuid[])) = 0 or r.store_id = any(:stores))
                        order by r.redeemed_at desc limit :limit
                        """)
                .param("merchant", merchantId)
                .param("store", new SqlParameterValue(Types.OTHER, storeId))
                .param("stores", stores.toArray(UUID[]::new))
                .param("limit", limit)
                .query(RedemptionRows::redemption)
                .list();
    }

    public Optional<LastUse> lastUse(UUID voucherId) {
        return jdbc.sql("""
                        select redeemed_at, store_id from redemption
                        where voucher_id = :voucher and reversed_at is null order by redeemed_at desc limit 1
                        """)
                .param("voucher", voucherId)
                .query((rs, row) -> new LastUse(rs.getObject("redeemed_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("store_id", UUID.class)))
                .optional();
    }

    private static Redemption redemption(ResultSet rs, int row) throws SQLException {
        var reversed = rs.getObject("reversed_at", OffsetDateTime.class);
        return new Redemption(rs.getObject("id", UUID.class), rs.getObject("voucher_id", UUID.class),
                rs.getString("code"), rs.getObject("merchant_id", UUID.class), rs.getObject("store_id", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getString("device"),
                rs.getObject("redeemed_at", OffsetDateTime.class).toInstant(),
                reversed == null ? null : reversed.toInstant(), rs.getString("deal_title"));
    }
}
