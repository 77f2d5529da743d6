package o2o.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on API POSTs: the first request with a key runs and its response is kept for a
 * day; a repeat with the same key and body gets that response again (marked {@code Idempotent-Replayed: true})
 * without running again. Keys are per caller, so two customers cannot collide.
 * <p>
 * The key, the work it guards and the kept response commit in one transaction that the handler's own transactions
 * join: an order and the record of the request that placed it exist together or not at all, it costs one commit
 * instead of three, and a repeat that arrives while the first still runs waits on the record's primary key instead
 * of polling. When the handler's work rolls back (a 4xx from a failed rule) the record rolls back with it and the
 * answer is kept afterwards on its own; a server error or a 429 is not kept, so the request can be retried with the
 * same key.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    private static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ProblemResponses problems;
    private final Clock clock;
    /** Kept bodies are hashed in memory: at most o2o.web.max-body-size, also for uploads with a key. */
    private final int maxBody;

    IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactions, ProblemResponses problems,
            Clock clock, @Value("${o2o.web.max-body-size:1MB}") DataSize maxBody) {
        this.jdbc = jdbc;
        this.maxBody = Math.toIntExact(maxBody.toBytes());
        this.transaction = new TransactionTemplate(transactions);
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 100) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "idempotency-key-invalid",
                    "Idempotency-Key must be 1 to 100 characters");
            return;
        }
        var body = request.getInputStream().readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            response.setHeader("Connection", "close");
            problems.write(request, response, BodyTooLarge.problem(maxBody));
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var caller = authentication == null ? "anonymous" : authentication.getName();
        var scope = sha256((caller + '\n' + request.getRequestURI() + '\n' + key).getBytes(StandardCharsets.UTF_8));
        var requestHash = sha256(body);
        var recorder = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transaction.execute(tx -> runOnce(tx, new CachedBody(request, body), recorder, chain, scope,
                    requestHash));
        } catch (PessimisticLockingFailureException e) {
            refuse(request, response, HttpStatus.CONFLICT, "idempotency-in-progress",
                    "a request with this key is still running");
            return;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (UncheckedServletException e) {
            throw e.servletException();
        }
        switch (outcome) {
            case Outcome.Replay replay -> replay(request, response, replay.earlier(), requestHash);
            case Outcome.RolledBack rolledBack -> {
                if (recorder.getStatus() < 500 && recorder.getStatus() != 429) keep(scope, requestHash, recorder);
                recorder.copyBodyToResponse();
            }
            case Outcome.Kept kept -> recorder.copyBodyToResponse();
        }
    }

    /**
     * Claims the key and runs the request in the transaction, or returns the record of the request that claimed it
     * first. The claim waits at most 15 s for a first request with the same key that is still running.
     */
    private Outcome runOnce(TransactionStatus tx, HttpServletRequest request, ContentCachingResponseWrapper recorder,
            FilterChain chain, String scope, String requestHash) {
        jdbc.sql("set local lock_timeout = '15s'").update();
        int claimed = jdbc.sql("""
                        insert into idempotency_record (scope_hash, request_hash, created_at)
                        values (:scope, :hash, :now) on conflict (scope_hash) do nothing
                        """)
                .param("scope", scope)
                .param("hash", requestHash)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (claimed == 0) return new Outcome.Replay(find(scope).orElseThrow());
        try {
            chain.doFilter(request, recorder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new UncheckedServletException(e);
        }
        if (tx.isRollbackOnly() || recorder.getStatus() >= 500 || recorder.getStatus() == 429) {
            tx.setRollbackOnly();
            return new Outcome.RolledBack();
        }
        jdbc.sql("""
                        update idempotency_record set status = :status, content_type = :type, body = :body
                        where scope_hash = :scope
                        """)
                .param("status", recorder.getStatus())
                .param("type", recorder.getContentType())
                .param("body", recorder.getContentAsByteArray())
                .param("scope", scope)
                .update();
        return new Outcome.Kept();
    }

    /** The answer of a request whose work rolled back, kept unless a repeat has claimed the key meanwhile. */
    private void keep(String scope, String requestHash, ContentCachingResponseWrapper recorder) {
        jdbc.sql("""
                        insert into idempotency_record (scope_hash, request_hash, created_at, status, content_type, body)
                        values (:scope, :hash, :now, :status, :type, :body) on conflict (scope_hash) do nothing
                        """)
                .param("scope", scope)
                .param("hash", requestHash)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("status", recorder.getStatus())
                .param("type", recorder.getContentType())
                .param("body", recorder.getContentAsByteArray())
                .update();
    }

    private sealed interface Outcome {

        record Replay(Record earlier) implements Outcome {}

        record RolledBack() implements Outcome {}

        record Kept() implements Outcome {}
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, Record kept, String requestHash)
            throws IOException {
        if (!kept.requestHash().equals(requestHash)) {
            refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "this Idempotency-Key was used for another request");
            return;
        }
        if (kept.status() == null) {
            refuse(request, response, HttpStatus.CONFLICT, "idempotency-retry",
                    "the first request with this key did not finish; retry it");
            return;
        }
        response.setStatus(kept.status());
        if (kept.contentType() != null) response.setContentType(kept.contentType());
        response.setHeader("Idempotent-Replayed", "true");
        if (kept.body() != null) response.getOutputStream().write(kept.body());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
            String detail) throws IOException {
        problems.write(request, response, new Problem(status, slug, detail));
    }

    private Optional<Record> find(String scope) {
        return jdbc.sql("select request_hash, status, content_type, body from idempotency_record where scope_hash = :s")
                .param("s", scope)
                .query((rs, row) -> new Record(rs.getString("request_hash"), (Integer) rs.getObject("status"),
                        rs.getString("content_type"), rs.getBytes("body")))
                .optional();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldKeys() {
        jdbc.sql("delete from idempotency_record where created_at < :cutoff")
                .param("cutoff", clock.instant().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
                .update();
    }


    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Record(String requestHash, @Nullable Integer status, @Nullable String contentType,
            byte @Nullable [] body) {}

    private static final class UncheckedServletException extends RuntimeException {

        UncheckedServletException(ServletException cause) {
            super(cause);
        }

        ServletException servletException() {
            return (ServletException) getCause();
        }
    }

    /** The request with its body already read, so the handler can read it again. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
