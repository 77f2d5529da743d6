package o2o.shared.web;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping, made cheap for paths with variables. A path that no mapping names literally ({@code
 * /api/v1/tables/{code}/rounds}) is held against every one of the application's 650-odd mappings, each checking the
 * method first — through a dozen request wrappers — and then its patterns: a fifth of the application's CPU in the
 * table-order bench. Here a mapping whose every pattern starts with literal text the path does not start with is
 * passed over before any of that, and the method is read once per lookup. The answer is the same: only mappings that
 * could not match are skipped, and a path with an escape ({@code %}) or a path parameter ({@code ;}), which the
 * patterns match after decoding, is looked up the whole way as before ({@code PrefixedHandlerMappingTests}).
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** Each mapping's literal starts, by identity: filled once the controllers are registered, read-only after. */
    private volatile Map<RequestMappingInfo, String[]> prefixes = Map.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        var known = new IdentityHashMap<RequestMappingInfo, String[]>();
        for (var info : getHandlerMethods().keySet()) known.put(info, literalPrefixes(info).toArray(String[]::new));
        prefixes = known;
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        return super.lookupHandlerMethod(lookupPath, new Lookup(request, lookupPath));
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        if (request instanceof Lookup lookup && !mayMatch(info, lookup.path)) return null;
        return super.getMatchingMapping(info, request);
    }

    /** False only when every pattern of the mapping starts with text the path lacks; one added later is tried. */
    private boolean mayMatch(RequestMappingInfo info, String path) {
        var literal = prefixes.get(info);
        if (literal == null || literal.length == 0) return true;
        for (var prefix : literal) {
            if (path.startsWith(prefix)) return true;
        }
        return false;
    }

    /** The text before the first variable or wildcard of each pattern; none when a pattern cannot be read so. */
    static List<String> literalPrefixes(RequestMappingInfo info) {
        var condition = info.getPathPatternsCondition();
        if (condition == null) return List.of();
        var result = new ArrayList<String>();
        for (PathPattern pattern : condition.getPatterns()) {
            var text = pattern.getPatternString();
            int end = text.length();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{' || c == '*' || c == '?' || c == '\\') {
                    end = i;
                    break;
                }
            }
            if (end == 0) return List.of();
            result.add(text.substring(0, end));
        }
        return List.copyOf(result);
    }

    /** The request as the mappings see it during one lookup: its path at hand and its method read once. */
    private static final class Lookup extends HttpServletRequestWrapper {

        private final String path;
        private final String method;

        Lookup(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
