package o2o.delivery.persistence;

import static o2o.shared.Timestamps.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.GeoPoint;
import o2o.shared.Money;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery_sandbox_job table: the sandbox fleet's own jobs (only where the sandbox fleet is on). */
@Repository
@ConditionalOnBooleanProperty("o2o.delivery.providers.sandbox.enabled")
public class SandboxJobRows {

    private static final String COLUMNS = """
            reference, order_id, step, from_lat, from_lng, to_lat, to_lng, price_minor, currency, rider_name,
            rider_phone, held, attempts, next_step_at
            """;

    /** Where a job stands in the fleet. */
    public enum Step {
        REQUESTED, ASSIGNED, PICKED_UP, EN_ROUTE, DELIVERED, CANCELLED;

        public boolean isFinal() {
            return this == DELIVERED || this == CANCELLED;
        }
    }

    public record Job(String reference, UUID orderId, Step step, GeoPoint from, GeoPoint to, Money price,
            String riderName, String riderPhone, boolean held, int attempts, Instant nextStepAt) {}

    private final JdbcClient jdbc;

    SandboxJobRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the job unless the order has one already (the order id is the fleet's idempotency key). */
    public void insert(Job job, Instant now) {
        jdbc.sql("""
                        insert into delivery_sandbox_job (reference, order_id, step, from_lat, from_lng, to_lat, to_lng,
                            price_minor, currency, rider_name, rider_phone, held, next_step_at, created_at, updated_at)
                        values (:ref, :order, :step, :fromLat, :fromLng, :toLat, :toLng, :price, :currency, :rider,
                            :riderPhone, :held, :next, :now, :now)
                        on conflict (order_id) do nothing
                        """)
                .param("ref", job.reference())
                .param("order", job.orderId())
                .param("step", job.step().name())
                .param("fromLat", job.from().lat())
                .param("fromLng", job.from().lng())
                .param("toLat", job.to().lat())
                .param("toLng", job.to().lng())
                .param("price", job.price().minor())
                .param("currency", job.price().currency().getCurrencyCode())
                .param("rider", job.riderName())
                .param("riderPhone", job.riderPhone())
                .param("held", job.held())
                .param("next", utc(job.nextStepAt()))
                .param("now", utc(now))
                .update();
    }

    public Optional<Job> ofOrder(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from delivery_sandbox_job where order_id = :order")
                .param("order", orderId)
                .query(SandboxJobRows::job)
                .optional();
    }

    /** Jobs whose next step is due, each locked to this caller until it commits (others skip them). */
    public List<Job> due(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from delivery_sandbox_job
                        where step not in ('DELIVERED', 'CANCELLED') and not held and next_step_at <= :now
                        order by next_step_at
                        limit :limit
                        for update skip locked
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(SandboxJobRows::job)
                .list();
    }

    /** The job took its next step; false when it had moved (or been called off) meanwhile. */
    public boolean stepped(String reference, Step from, Step to, Instant next, Instant now) {
        return jdbc.sql("""
                        update delivery_sandbox_job set step = :to, attempts = 0, next_step_at = :next, updated_at = :now
                         where reference = :ref and step = :from
                        """)
                .param("ref", reference)
                .param("from", from.name())
                .param("to", to.name())
                .param("next", utc(next))
                .param("now", utc(now))
                .update() == 1;
    }

    /** The step's callback was not taken: try again at {@code next}. */
    public void retryAt(String reference, Instant next, Instant now) {
        jdbc.sql("""
                        update delivery_sandbox_job set attempts = attempts + 1, next_step_at = :next, updated_at = :now
                         where reference = :ref
                        """)
                .param("ref", reference)
                .param("next", utc(next))
                .param("now", utc(now))
                .update();
    }

    /** Calls the job off unless it is over already. */
    public void cancel(String reference, Instant now) {
        jdbc.sql("""
                        update delivery_sandbox_job set step = 'CANCELLED', updated_at = :now
                         where reference = :ref and step not in ('DELIVERED', 'CANCELLED')
                        """)
                .param("ref", reference)
                .param("now", utc(now))
                .update();
    }

    private static Job job(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Job(rs.getString("reference"), rs.getObject("order_id", UUID.class),
                Step.valueOf(rs.getString("step")), new GeoPoint(rs.getDouble("from_lat"), rs.getDouble("from_lng")),
                new GeoPoint(rs.getDouble("to_lat"), rs.getDouble("to_lng")),
                new Money(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("rider_name"), rs.getString("rider_phone"), rs.getBoolean("held"), rs.getInt("attempts"),
                rs.getObject("next_step_at", OffsetDateTime.class).toInstant());
    }
}
