package o2o.commissions.persistence;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code commission_rate} table: one rate per taker, subject and first day, set again by an upsert. */
@Repository
public class RateRows {

    public record Row(UUID id, @Nullable UUID takerMerchantId, @Nullable UUID merchantId, @Nullable String category,
            int rateBps, LocalDate validFrom) {}

    private static final String COLUMNS = "id, taker_merchant_id, subject_merchant_id, subject_category, rate_bps, "
            + "valid_from";

    private final JdbcClient jdbc;

    RateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the rate of a taker for a subject from a day: a new row, or the rate of the row already there. */
    public Row upsert(Row row, Instant now) {
        return jdbc.sql("""
                        insert into commission_rate (id, taker_merchant_id, subject_merchant_id, subject_category,
                                                     rate_bps, valid_from, updated_at)
                        values (:id, :taker, :merchant, :category, :bps, :from, :now)
                        on conflict (taker_merchant_id, subject_merchant_id, subject_category, valid_from)
                        do update set rate_bps = excluded.rate_bps, updated_at = excluded.updated_at
                        returning\s""" + COLUMNS)
                .param("id", row.id()).param("taker", row.takerMerchantId()).param("merchant", row.merchantId())
                .param("category", row.category()).param("bps", row.rateBps())
                .param("from", Date.valueOf(row.validFrom())).param("now", Timestamps.utc(now))
                .query(RateRows::row).single();
    }

    public List<Row> all() {
        return jdbc.sql("select " + COLUMNS + " from commission_rate "
                        + "order by taker_merchant_id nulls first, subject_category nulls first, subject_merchant_id, "
                        + "valid_from")
                .query(RateRows::row).list();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from commission_rate where id = :id").param("id", id)
                .query(RateRows::row).optional();
    }

    /** Deletes a rate of this taker (null: the platform); false when it has none by this id. */
    public boolean delete(UUID id, @Nullable UUID takerMerchantId) {
        return jdbc.sql("delete from commission_rate where id = :id "
                        + "and taker_merchant_id is not distinct from :taker")
                .param("id", id).param("taker", takerMerchantId).update() == 1;
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getInt(5), rs.getObject(6, LocalDate.class));
    }
}
