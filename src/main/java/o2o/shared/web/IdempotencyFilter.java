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
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on API POSTs: the first request with a key runs and its response is kept for a
 * day; a repeat with the same key and body gets that response again (marked {@code Idempotent-Replayed: true})
 * without running again; a repeat that arrives while the first still runs waits for it. Keys are per caller, so two
 * customers cannot collide. Server errors are not kept, so a failed request can be retried with the same key.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    private static final String HEADER = "Idempotency-Key";
    private static final int MAX_BODY = 1 << 20;
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
            problem(response, 400, "idempotency-key-invalid", "Idempotency-Key must be 1 to 100 characters");
            return;
        }
        var body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, 413, "payload-too-large", "request body over 1 MiB");
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var caller = authentication == null ? "anonymous" : authentication.getName();
        var scope = sha256((caller + '\n' + request.getRequestURI() + '\n' + key).getBytes(StandardCharsets.UTF_8));
        var requestHash = sha256(body);

        int claimed = jdbc.sql("""
                        insert into idempotency_record (scope_hash, request_hash, created_at)
                        values (:scope, :hash, :now) on conflict (scope_hash) do nothing
                        """)
                .param("scope", scope)
                .param("hash", requestHash)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (claimed == 1) {
            runAndKeep(new CachedBody(request, body), response, chain, scope);
        } else {
            replay(response, scope, requestHash);
        }
    }

    private void runAndKeep(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope)
            throws IOException, ServletException {
        var recorder = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, recorder);
            if (recorder.getStatus() < 500) {
                jdbc.sql("""
                                update idempotency_record set status = :status, content_type = :type, body = :body
                                where scope_hash = :scope
                                """)
                        .param("status", recorder.getStatus())
                        .param("type", recorder.getContentType())
                        .param("body", recorder.getContentAsByteArray())
                        .param("scope", scope)
                        .update();
                kept = true;
            }
        } finally {
            if (!kept) {
                jdbc.sql("delete from idempotency_record where scope_hash = :scope").param("scope", scope).update();
            }
            recorder.copyBodyToResponse();
        }
    }

    private void replay(HttpServletResponse response, String scope, String requestHash) throws IOException {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            var record = find(scope);
            if (record.isEmpty()) {
                problem(response, 409, "idempotency-retry", "the first request with this key failed; retry it");
                return;
            }
            var kept = record.get();
            if (!kept.requestHash().equals(requestHash)) {
                problem(response, 422, "idempotency-key-reused", "this Idempotency-Key was used for another request");
                return;
            }
            if (kept.status() != null) {
                response.setStatus(kept.status());
                if (kept.contentType() != null) response.setContentType(kept.contentType());
                response.setHeader("Idempotent-Replayed", "true");
                response.getOutputStream().write(kept.body());
                return;
            }
            if (System.nanoTime() > deadline) {
                problem(response, 409, "idempotency-in-progress", "a request with this key is still running");
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
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

    private static void problem(HttpServletResponse response, int status, String slug, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:o2o:problem:" + slug + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Record(String requestHash, Integer status, String contentType, byte[] body) {}

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
