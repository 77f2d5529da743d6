package o2o.shared.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Problem} as RFC 9457 problem details, worded in the caller's language: the one rendering shared by the
 * API's exception handling and by the filters that answer before a controller is reached (sign-in, idempotency).
 */
@Component
public class ProblemResponses {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public ProblemDetail detail(Problem problem, Locale locale) {
        var detail = messages.getMessage(problem.messageKey(), problem.args(), problem.getMessage(), locale);
        var body = ProblemDetail.forStatusAndDetail(problem.status(), detail);
        body.setType(problem.type());
        body.setTitle(messages.getMessage("problem." + problem.slug() + ".title", null,
                problem.status().getReasonPhrase(), locale));
        problem.properties().forEach(body::setProperty);
        return body;
    }

    /**
     * Answers a request a filter refuses before any controller: the problem on the API, the site's error page with
     * the same status elsewhere.
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            write(request, response, problem);
        } else {
            response.sendError(problem.status().value());
        }
    }

    /** Writes the problem as the whole response, with Retry-After where the problem says when to come back. */
    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        var body = detail(problem, locales.resolveLocale(request));
        response.setStatus(problem.status().value());
        if (problem.properties().get("retryAfterSeconds") instanceof Number seconds) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
