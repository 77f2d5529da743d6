package o2o.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.shared.Problem;
import o2o.shared.persistence.IdempotencyRecords;
import o2o.shared.persistence.KeptAnswer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
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

    private final IdempotencyRecords records;
    private final TransactionTemplate transaction;
    private final ProblemResponses problems;
    private final Clock clock;
    /** Kept bodies are hashed in memory: at most o2o.web.max-body-size, also for uploads with a key. */
    private final int maxBody;

    IdempotencyFilter(IdempotencyRecords records, PlatformTransactionManager transactions, ProblemResponses problems,
            Clock clock, @Value("${o2o.web.max-body-size:1MB}") DataSize maxBody) {
        this.records = records;
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
        var scope = IdempotencyScope.of(caller, request.getRequestURI(), key, body);
        var recorder = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transaction.execute(tx -> runOnce(tx, new CachedBody(request, body), recorder, chain, scope));
        } catch (Problem refusedAtCommit) {
            // a check the request left for the commit (a flash sale's stock) refused: all of it rolled back, and
            // the refusal, not the answer written before, is what the client gets and what the key keeps
            recorder.resetBuffer();
            problems.write(request, recorder, refusedAtCommit);
            outcome = new Outcome.RolledBack();
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
            case Outcome.Replay replay -> replay(request, response, replay.earlier(), scope.requestHash());
            case Outcome.RolledBack rolledBack -> {
                if (kept(recorder.getStatus())) {
                    records.keepAnswer(scope.scope(), scope.requestHash(), clock.instant(), recorder.getStatus(),
                            recorder.getContentType(), recorder.getContentAsByteArray());
                }
                recorder.copyBodyToResponse();
            }
            case Outcome.Kept kept -> recorder.copyBodyToResponse();
        }
    }

    /** A server error or a 429 is not kept, so the request can be retried with the same key. */
    private static boolean kept(int status) {
        return status < 500 && status != 429;
    }

    /**
     * Claims the key and runs the request in the transaction, or returns the record of the request that claimed it
     * first. The claim waits at most 15 s for a first request with the same key that is still running.
     */
    private Outcome runOnce(TransactionStatus tx, HttpServletRequest request, ContentCachingResponseWrapper recorder,
            FilterChain chain, IdempotencyScope scope) {
        if (!records.claim(scope.scope(), scope.requestHash(), clock.instant())) {
            return new Outcome.Replay(records.find(scope.scope()).orElseThrow());
        }
        try {
            chain.doFilter(request, recorder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new UncheckedServletException(e);
        }
        if (tx.isRollbackOnly() || !kept(recorder.getStatus())) {
            tx.setRollbackOnly();
            return new Outcome.RolledBack();
        }
        records.answer(scope.scope(), recorder.getStatus(), recorder.getContentType(), recorder.getContentAsByteArray());
        return new Outcome.Kept();
    }

    private sealed interface Outcome {

        record Replay(KeptAnswer earlier) implements Outcome {}

        record RolledBack() implements Outcome {}

        record Kept() implements Outcome {}
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, KeptAnswer kept,
            String requestHash) throws IOException {
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

    private static final class UncheckedServletException extends RuntimeException {

        UncheckedServletException(ServletException cause) {
            super(cause);
        }

        ServletException servletException() {
            return (ServletException) getCause();
        }
    }
}
