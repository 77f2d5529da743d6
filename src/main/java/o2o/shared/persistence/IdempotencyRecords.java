package o2o.shared.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_record} table: one row per caller, path and key, with the answer once there is one. */
@Repository
public class IdempotencyRecords {

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the scope for the caller's transaction, waiting at most 15 s for a transaction that claimed it first;
     * false when another request had it.
     */
    public boolean claim(String scope, String requestHash, Instant now) {
        jdbc.sql("set local lock_timeout = '15s'").update();
        return jdbc.sql("""
                        insert into idempotency_record (scope_hash, request_hash, created_at)
                        values (:scope, :hash, :now) on conflict (scope_hash) do nothing
                        """)
                .param("scope", scope)
                .param("hash", requestHash)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update() > 0;
    }

    /** The answer of the request that claimed the scope. */
    public void answer(String scope, int status, @Nullable String contentType, byte[] body) {
        jdbc.sql("""
                        update idempotency_record set status = :status, content_type = :type, body = :body
                        where scope_hash = :scope
                        """)
                .param("status", status)
                .param("type", contentType)
                .param("body", body)
                .param("scope", scope)
                .update();
    }

    /** The answer of a request whose claim rolled back, kept unless a repeat has claimed the scope meanwhile. */
    public void keepAnswer(String scope, String requestHash, Instant now, int status, @Nullable String contentType,
            byte[] body) {
        jdbc.sql("""
                        insert into idempotency_record (scope_hash, request_hash, created_at, status, content_type, body)
                        values (:scope, :hash, :now, :status, :type, :body) on conflict (scope_hash) do nothing
                        """)
                .param("scope", scope)
                .param("hash", requestHash)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("status", status)
                .param("type", contentType)
                .param("body", body)
                .update();
    }

    public Optional<KeptAnswer> find(String scope) {
        return jdbc.sql("select request_hash, status, content_type, body from idempotency_record where scope_hash = :s")
                .param("s", scope)
                .query((rs, row) -> new KeptAnswer(rs.getString("request_hash"), (Integer) rs.getObject("status"),
                        rs.getString("content_type"), rs.getBytes("body")))
                .optional();
    }

    public void forgetBefore(Instant cutoff) {
        jdbc.sql("delete from idempotency_record where created_at < :cutoff")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .update();
    }
}
