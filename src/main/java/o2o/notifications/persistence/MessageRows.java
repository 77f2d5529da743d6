package o2o.notifications.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import o2o.notifications.Message;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The one place a {@code notification} row becomes a {@link Message} and template parameters become jsonb. */
public final class MessageRows {

    public static final String COLUMNS =
            "id, channel, recipient, kind, params::text as params, body, created_at, sent_at, failed_at";

    private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() {};

    private MessageRows() {}

    public static Message message(ResultSet rs, int row) throws SQLException {
        var kind = rs.getString("kind");
        return new Message(rs.getObject("id", UUID.class), Notifications.Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"), kind == null ? null : MessageKind.valueOf(kind),
                Collections.unmodifiableMap(JsonMapper.shared().readValue(rs.getString("params"), PARAMS)),
                rs.getString("body"), instant(rs, "created_at"), nullableInstant(rs, "sent_at"),
                nullableInstant(rs, "failed_at"));
    }

    public static String json(Map<String, String> params) {
        return JsonMapper.shared().writeValueAsString(params);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
