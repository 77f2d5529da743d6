package o2o.webhooks.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.webhooks.EndpointSettings;
import o2o.webhooks.WebhookEndpoint;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_endpoint} table; every statement a merchant makes is keyed by that merchant. */
@Repository
public class EndpointTable {

    private static final String COLUMNS = "id, merchant_id, url, description, event_types, created_at, updated_at";

    private final JdbcClient jdbc;

    EndpointTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long countOf(UUID merchantId) {
        return jdbc.sql("select count(*) from webhook_endpoint where merchant_id = :m")
                .param("m", merchantId).query(Long.class).single();
    }

    public void insert(UUID id, UUID merchantId, EndpointSettings settings, String secret, Instant now) {
        jdbc.sql("""
                        insert into webhook_endpoint (id, merchant_id, url, description, event_types, secret, created_at,
                            updated_at)
                        values (:id, :m, :url, :description, :types, :secret, :now, :now)
                        """)
                .param("id", id).param("m", merchantId).param("url", settings.url())
                .param("description", new SqlParameterValue(Types.VARCHAR, settings.description()))
                .param("types", settings.eventTypes()).param("secret", secret)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** False when the merchant has no such endpoint. */
    public boolean change(UUID id, UUID merchantId, EndpointSettings settings, Instant now) {
        return jdbc.sql("""
                        update webhook_endpoint set url = :url, description = :description, event_types = :types,
                            updated_at = :now
                        where id = :id and merchant_id = :m
                        """)
                .param("url", settings.url())
                .param("description", new SqlParameterValue(Types.VARCHAR, settings.description()))
                .param("types", settings.eventTypes()).param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id).param("m", merchantId)
                .update() > 0;
    }

    /** False when the merchant has no such endpoint. */
    public boolean changeSecret(UUID id, UUID merchantId, String secret, Instant now) {
        return jdbc.sql("""
                        update webhook_endpoint set secret = :secret, updated_at = :now
                        where id = :id and merchant_id = :m
                        """)
                .param("secret", secret).param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id).param("m", merchantId)
                .update() > 0;
    }

    /** Removes the endpoint with its deliveries and their log; false when the merchant has no such endpoint. */
    public boolean delete(UUID id, UUID merchantId) {
        return jdbc.sql("delete from webhook_endpoint where id = :id and merchant_id = :m")
                .param("id", id).param("m", merchantId).update() > 0;
    }

    public Optional<WebhookEndpoint> find(UUID id, UUID merchantId) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where id = :id and merchant_id = :m")
                .param("id", id).param("m", merchantId)
                .query(EndpointTable::endpoint).optional();
    }

    public List<WebhookEndpoint> of(UUID merchantId) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where merchant_id = :m order by created_at, id")
                .param("m", merchantId)
                .query(EndpointTable::endpoint).list();
    }

    /** Each of the merchant's endpoints with the wire names of the event types it subscribed to. */
    public Map<UUID, List<String>> subscriptions(UUID merchantId) {
        var found = new LinkedHashMap<UUID, List<String>>();
        jdbc.sql("select id, event_types from webhook_endpoint where merchant_id = :m order by created_at, id")
                .param("m", merchantId)
                .query((ResultSet rs) -> {
                    var types = (String[]) rs.getArray("event_types").getArray();
                    found.put(rs.getObject("id", UUID.class), List.of(types));
                });
        return found;
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("url"), rs.getString("description"), List.of((String[]) types.getArray()),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
