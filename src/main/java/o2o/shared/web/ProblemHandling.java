package o2o.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.shared.AmountTooLarge;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error leaves as RFC 9457 problem details with a stable {@code type} ({@code urn:o2o:problem:<slug>}) and
 * a {@code detail} in the request's language. Unexpected failures become a 500 that names the request id, never a
 * stack trace. Outside {@code /api} the same failures become the site's error page with the same status.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    private static final URI BLANK = URI.create("about:blank");
    /** Data exceptions that only input causes: NUL or bad encoding, invalid parameter, numeric or date overflow. */
    private static final Set<String> UNSTORABLE = Set.of("22021", "22P05", "22023", "22003", "22008");

    private final MessageSource messages;
    private final ProblemResponses problems;

    private final long maxUpload;

    ProblemHandling(MessageSource messages, ProblemResponses problems,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxUpload) {
        this.messages = messages;
        this.problems = problems;
        this.maxUpload = maxUpload.toBytes();
    }

    @ExceptionHandler(Problem.class)
    @Nullable ResponseEntity<ProblemDetail> problem(Problem problem, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (!isApi(request)) return errorPage(response, problem.status().value());
        var body = problems.detail(problem, LocaleContextHolder.getLocale());
        var entity = ResponseEntity.status(problem.status());
        if (problem.properties().get("retryAfterSeconds") instanceof Number seconds) {
            entity.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
        }
        return entity.body(body);
    }

    /** A body read past its limit (see {@link RequestBodyLimit}), by a controller or anything it called. */
    @ExceptionHandler(BodyTooLarge.class)
    @Nullable ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLarge e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return problem(e.problem(), request, response);
    }

    @ExceptionHandler(Exception.class)
    @Nullable ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        var tooLarge = BodyTooLarge.in(e);
        if (tooLarge.isPresent()) return problem(tooLarge.get().problem(), request, response);
        log.error("Unhandled error", e);
        if (!isApi(request)) return errorPage(response, 500);
        var requestId = MDC.get(RequestIds.MDC_KEY);
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, messages.getMessage(
                "problem.internal", new Object[] {requestId},
                "Something went wrong on our side; quote request id " + requestId, LocaleContextHolder.getLocale()));
        body.setType(URI.create("urn:o2o:problem:internal"));
        return ResponseEntity.internalServerError().body(body);
    }

    /**
     * The last line for text and numbers no check above caught: PostgreSQL refusing a value as data (a NUL, a number
     * or date out of its range) is the caller's input, a 400 that changed nothing; any other database failure is ours.
     */
    @ExceptionHandler(DataAccessException.class)
    @Nullable ResponseEntity<ProblemDetail> database(DataAccessException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && UNSTORABLE.contains(sql.getSQLState())) {
                log.warn("Input PostgreSQL refused ({}): {}", sql.getSQLState(), sql.getMessage());
                return problem(new InvalidInput("body", "holds a value that cannot be stored", "input.unstorable"),
                        request, response);
            }
        }
        return unexpected(e, request, response);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var body = invalid(ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", message(error)))
                .toList());
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", messages.getMessage(error, locale))))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /**
     * Says which field of the body could not be read and what it must be ("quantity must be a whole number"), or that
     * the body is not JSON; never the Java type or the parser's own words.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = BodyTooLarge.in(ex);
        if (tooLarge.isPresent()) return tooLarge(ex, tooLarge.get().problem(), headers, request);
        var locale = LocaleContextHolder.getLocale();
        var problem = InputProblems.ofBody(ex);
        if (problem != null) {
            return handleExceptionInternal(ex, problems.detail(problem, locale), headers, problem.status(), request);
        }
        var reason = InputProblems.unreadable(ex);
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.getMessage(
                "problem.unreadable-body." + reason, null, "The body could not be read", locale));
        body.setType(URI.create("urn:o2o:problem:unreadable-body"));
        body.setTitle(title(HttpStatus.BAD_REQUEST, "unreadable-body", locale));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** An upload over {@code spring.servlet.multipart.max-request-size} (or its file over max-file-size). */
    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return tooLarge(ex, BodyTooLarge.problem(ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() : maxUpload),
                headers, request);
    }

    private @Nullable ResponseEntity<Object> tooLarge(Exception ex, Problem problem, HttpHeaders headers,
            WebRequest request) {
        headers.set(HttpHeaders.CONNECTION, "close");
        return handleExceptionInternal(ex, problems.detail(problem, LocaleContextHolder.getLocale()), headers,
                problem.status(), request);
    }

    /** A parameter or path variable of the wrong kind: "storeId must be a UUID". */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var cause = ex.getMostSpecificCause();
        var name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : String.valueOf(ex.getPropertyName());
        Problem problem = cause instanceof InvalidInput invalid ? invalid.at(name)
                : cause instanceof Problem other ? other
                : InputProblems.mustBe(name, ex.getRequiredType());
        return handleExceptionInternal(ex, problems.detail(problem, LocaleContextHolder.getLocale()), headers,
                problem.status(), request);
    }

    /**
     * Exact arithmetic on money or points that overflowed ({@code Math.*Exact}, {@code longValueExact}): the amount is
     * beyond anything the platform counts. Any other arithmetic failure (a division by zero) is a bug: a 500.
     */
    @ExceptionHandler(ArithmeticException.class)
    @Nullable ResponseEntity<ProblemDetail> overflow(ArithmeticException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        var message = String.valueOf(e.getMessage());
        if (!message.contains("overflow") && !message.contains("out of")) return unexpected(e, request, response);
        log.warn("Arithmetic refused: {}", message);
        return problem(new AmountTooLarge("amount"), request, response);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && !isApi(servlet.getRequest())
                && servlet.getResponse() != null) {
            try {
                return errorPage(servlet.getResponse(), statusCode.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail detail
                && (detail.getType() == null || BLANK.equals(detail.getType()))) {
            detail.setType(URI.create("urn:o2o:problem:" + switch (statusCode.value()) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 413 -> "payload-too-large";
                case 415 -> "unsupported-media-type";
                default -> statusCode.is4xxClientError() ? "bad-request" : "internal";
            }));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    /** Hands a page request to the servlet container's error page (Boot renders templates/error.html). */
    private static <T> @Nullable ResponseEntity<T> errorPage(HttpServletResponse response, int status)
            throws IOException {
        response.sendError(status);
        return null;
    }

    private ProblemDetail invalid(List<Map<String, String>> errors) {
        var locale = LocaleContextHolder.getLocale();
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.validation", null, "The request is not valid", locale));
        body.setType(URI.create("urn:o2o:problem:validation"));
        body.setTitle(title(HttpStatus.BAD_REQUEST, "validation", locale));
        body.setProperty("errors", errors);
        return body;
    }

    private String message(FieldError error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    private String title(HttpStatus status, String slug, Locale locale) {
        return messages.getMessage("problem." + slug + ".title", null, status.getReasonPhrase(), locale);
    }
}
