package o2o.webhooks.persistence;

import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import o2o.webhooks.WebhookDelivery;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_attempt} table: every attempt of every delivery, kept for the merchant to read. */
@Repository
public class AttemptLog {

    private final JdbcClient jdbc;

    AttemptLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(UUID deliveryId, WebhookDelivery.Attempt attempt) {
        jdbc.sql("""
                        insert into webhook_attempt (delivery_id, merchant_id, attempt_no, attempted_at, status_code,
                            error, duration_ms)
                        values (:id, (select merchant_id from webhook_delivery where id = :id), :no, :at, :code, :error,
                                :ms)
                        """)
                .param("id", deliveryId).param("no", attempt.number())
                .param("at", attempt.at().atOffset(ZoneOffset.UTC))
                .param("code", new SqlParameterValue(Types.INTEGER, attempt.statusCode()))
                .param("error", new SqlParameterValue(Types.VARCHAR, attempt.error()))
                .param("ms", attempt.durationMs())
                .update();
    }

    /** The attempts of these deliveries, oldest first, by delivery. */
    Map<UUID, List<WebhookDelivery.Attempt>> of(UUID[] deliveryIds) {
        return jdbc.sql("""
                        select delivery_id, attempt_no, attempted_at, status_code, error, duration_ms
                        from webhook_attempt where delivery_id = any(:ids) order by delivery_id, attempt_no
                        """)
                .param("ids", deliveryIds)
                .query((rs, row) -> Map.entry(rs.getObject("delivery_id", UUID.class), new WebhookDelivery.Attempt(
                        rs.getInt("attempt_no"), rs.getTimestamp("attempted_at").toInstant(),
                        (Integer) rs.getObject("status_code"), rs.getString("error"), rs.getLong("duration_ms"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
