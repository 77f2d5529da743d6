package o2o.shared.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import o2o.shared.InputRules;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, a path, query parameter or header value that holds a control character (NUL
 * above all: PostgreSQL refuses it) or an escape that decodes to nothing: a 400 problem on the API, the error page
 * with 400 on the site. JSON bodies are checked as they are read ({@link JsonInput}); a page's form is the page's to
 * validate, so that it can show the form again with the error, and what none catches is a 400 at the database
 * ({@link ProblemHandling}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ControlCharacterFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    ControlCharacterFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refused = refusal(request);
        if (refused == null) {
            chain.doFilter(request, response);
        } else {
            problems.refuse(request, response, refused);
        }
    }

    private static @Nullable InvalidInput refusal(HttpServletRequest request) {
        try {
            if (InputRules.hasControlCharacters(decode(request.getRequestURI()))) {
                return InputRules.controlCharacters("path");
            }
            for (var name : Collections.list(request.getHeaderNames())) {
                for (var value : Collections.list(request.getHeaders(name))) {
                    if (InputRules.hasControlCharacters(value)) return InputRules.controlCharacters(name);
                }
            }
            var query = request.getQueryString();
            if (query != null && InputRules.hasControlCharacters(decode(query))) {
                return InputRules.controlCharacters(parameterWithControlCharacters(query));
            }
            return null;
        } catch (IllegalArgumentException | IllegalStateException e) { // a broken escape or an unreadable form
            return new InvalidInput("path", "is not a valid address", "input.malformed-address");
        }
    }

    private static String parameterWithControlCharacters(String query) {
        for (var pair : query.split("&")) {
            if (InputRules.hasControlCharacters(decode(pair))) return decode(pair.split("=", 2)[0]);
        }
        return "query";
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
