package o2o.malls.persistence;

import static o2o.shared.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.malls.MallId;
import o2o.malls.MallStatement;
import o2o.malls.MallStatement.Direction;
import o2o.malls.MallStatement.PayoutStatus;
import o2o.malls.StatementMonth;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of mall statements and their payouts. */
@Repository("mallStatementRows")
public class StatementRows {

    private static final String STATEMENT = """
            select s.id, s.mall_id, s.tenant_merchant_id, s.month, s.points_issued, s.points_redeemed,
                   s.points_per_yuan_off, s.points_minor, s.coupons_due_minor, s.collected_due_minor, s.net_minor,
                   s.closed_at, p.amount_minor, p.direction, p.status, p.reference, p.paid_at
            from mall_statement s join mall_payout p on p.statement_id = s.id
            """;

    private final JdbcClient jdbc;

    StatementRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the tenant's statement for the month and its pending payout, unless one was written before (or is being
     * written by a racing close, which this waits for): answers the new statement's id, empty when it existed.
     */
    public Optional<UUID> insert(UUID id, MallId mall, MerchantId tenant, StatementMonth month,
            MallStatement.Figures figures, Instant at) {
        var added = jdbc.sql("""
                        insert into mall_statement (id, mall_id, tenant_merchant_id, month, points_issued,
                            points_redeemed, points_per_yuan_off, points_minor, coupons_due_minor, collected_due_minor,
                            net_minor, closed_at)
                        values (:id, :mall, :tenant, :month, :issued, :redeemed, :rate, :points, :coupons, :collected,
                            :net, :at)
                        on conflict (mall_id, tenant_merchant_id, month) do nothing
                        returning id
                        """)
                .param("id", id).param("mall", mall.value()).param("tenant", tenant.value())
                .param("month", month.value().atDay(1)).param("issued", figures.pointsIssued())
                .param("redeemed", figures.pointsRedeemed()).param("rate", figures.pointsPerYuanOff())
                .param("points", figures.pointsMinor()).param("coupons", figures.couponsDueMinor())
                .param("collected", figures.collectedDueMinor()).param("net", figures.netMinor())
                .param("at", utc(at))
                .query(UUID.class).optional();
        added.ifPresent(statement -> jdbc.sql("""
                        insert into mall_payout (statement_id, amount_minor, direction, status)
                        values (:s, :amount, :direction, 'PENDING')
                        """)
                .param("s", statement).param("amount", Math.abs(figures.netMinor()))
                .param("direction", Direction.of(figures.netMinor()).name()).update());
        return added;
    }

    public Optional<MallStatement> find(UUID id) {
        return jdbc.sql(STATEMENT + "where s.id = :id").param("id", id).query(StatementRows::statement).optional();
    }

    /** The mall's statements of a month, by tenant. */
    public List<MallStatement> ofMall(MallId mall, StatementMonth month) {
        return jdbc.sql(STATEMENT + "where s.mall_id = :m and s.month = :month order by s.tenant_merchant_id")
                .param("m", mall.value()).param("month", month.value().atDay(1))
                .query(StatementRows::statement).list();
    }

    /** A tenant merchant's statements with every mall it rents in, newest month first. */
    public List<MallStatement> ofTenant(MerchantId tenant, int limit) {
        return jdbc.sql(STATEMENT + "where s.tenant_merchant_id = :t order by s.month desc, s.mall_id limit :limit")
                .param("t", tenant.value()).param("limit", limit)
                .query(StatementRows::statement).list();
    }

    /** Marks a pending payout paid with the transfer's reference; false when it was paid already (nothing changed). */
    public boolean markPaid(UUID statement, String reference, Instant at) {
        return jdbc.sql("""
                        update mall_payout set status = 'PAID', reference = :ref, paid_at = :at
                        where statement_id = :s and status = 'PENDING'
                        """)
                .param("s", statement).param("ref", reference).param("at", utc(at)).update() == 1;
    }

    private static MallStatement statement(ResultSet rs, int row) throws SQLException {
        var paidAt = rs.getObject("paid_at", OffsetDateTime.class);
        var payout = new MallStatement.Payout(Money.cny(rs.getLong("amount_minor")),
                Direction.valueOf(rs.getString("direction")), PayoutStatus.valueOf(rs.getString("status")),
                rs.getString("reference"), paidAt == null ? null : paidAt.toInstant());
        return new MallStatement(rs.getObject("id", UUID.class), new MallId(rs.getObject("mall_id", UUID.class)),
                new MerchantId(rs.getObject("tenant_merchant_id", UUID.class)),
                new StatementMonth(YearMonth.from(rs.getObject("month", LocalDate.class))),
                rs.getLong("points_issued"), rs.getLong("points_redeemed"), rs.getInt("points_per_yuan_off"),
                rs.getLong("points_minor"), rs.getLong("coupons_due_minor"), rs.getLong("collected_due_minor"),
                rs.getLong("net_minor"), rs.getObject("closed_at", OffsetDateTime.class).toInstant(), payout);
    }
}
