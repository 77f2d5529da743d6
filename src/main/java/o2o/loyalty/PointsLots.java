package o2o.loyalty;

import java.util.UUID;
import o2o.shared.CustomerId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots behind a member's balance, kept in step with the ledger: points leave the oldest lots first. Call it in
 * the transaction that posted the points off the member's account: that posting locks the account, so the member's
 * lots change in one transaction at a time, and in the same order (account, then lots) everywhere.
 */
@Component
public class PointsLots {

    private final JdbcClient jdbc;

    PointsLots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes spent points out of the member's open lots, oldest expiry first, and remembers under the spending's
     * reference which lots gave how many, so that giving the points back restores the same lots.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long spend(UUID programId, CustomerId customer, long points, String spendReference) {
        return consume(programId, customer.value(), points, null, spendReference);
    }

    /** Takes points out of one lot first (the order's own, on a refund), then out of the oldest. */
    long consume(UUID programId, UUID customerId, long points, @Nullable String preferredReference) {
        return consume(programId, customerId, points, preferredReference, null);
    }

    private long consume(UUID programId, UUID customerId, long points, @Nullable String preferredReference,
            @Nullable String spendReference) {
        long left = points;
        if (preferredReference != null) {
            var preferred = jdbc.sql("select id, remaining from points_lot where reference = :r and remaining > 0 for update")
                    .param("r", preferredReference)
                    .query((rs, row) -> new Open(rs.getObject(1, UUID.class), rs.getLong(2))).optional();
            if (preferred.isPresent()) left -= take(preferred.get(), left, spendReference);
        }
        if (left <= 0) return points;
        var open = jdbc.sql("""
                        select id, remaining from points_lot
                        where program_id = :p and customer_id = :c and remaining > 0
                        order by expires_at, earned_at, id for update
                        """)
                .param("p", programId).param("c", customerId)
                .query((rs, row) -> new Open(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        for (var lot : open) {
            if (left <= 0) break;
            left -= take(lot, left, spendReference);
        }
        return points - Math.max(left, 0);
    }

    private long take(Open lot, long wanted, @Nullable String spendReference) {
        long taken = Math.min(lot.remaining(), wanted);
        int updated = jdbc.sql("update points_lot set remaining = remaining - :n where id = :id and remaining >= :n")
                .param("n", taken).param("id", lot.id()).update();
        if (updated != 1) throw new IllegalStateException("lot " + lot.id() + " changed while locked");
        if (spendReference != null) {
            jdbc.sql("""
                            insert into points_lot_use (reference, lot_id, merchant_id, points)
                            values (:ref, :id, (select merchant_id from points_lot where id = :id), :n)
                            """)
                    .param("ref", spendReference).param("id", lot.id()).param("n", taken).update();
        }
        return taken;
    }

    private record Open(UUID id, long remaining) {}
}
