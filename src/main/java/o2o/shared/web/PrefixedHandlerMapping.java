package o2o.shared.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping, made cheap for paths with variables. A path that no mapping names literally ({@code
 * /api/v1/tables/{code}/rounds}) is held against every one of the application's 650-odd mappings: Spring walks its
 * registry (a hash map of them) and asks each, through a dozen request wrappers, whether it matches, which took a
 * tenth of the application's CPU in the table-order bench even with the literal starts checked first. Here the
 * mappings sit in arrays in the order they were registered, each with the literal text its patterns start with; a
 * lookup runs down the array comparing starts, and asks Spring only about the mappings whose start the path has.
 *
 * <p>The answer is Spring's: the mappings that name the path literally are tried first, then all; the matches are
 * ranked by Spring's comparator and a tie is the same error; the match is handled by Spring ({@code handleMatch}).
 * Everything else goes the whole way through Spring's own lookup, as before: no match (so 404, 405 and 415 are
 * Spring's), a CORS pre-flight, and a path with an escape ({@code %}) or a path parameter ({@code ;}), which the
 * patterns match after decoding ({@code PrefixedHandlerMappingTests} compares both for every pattern).
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** The mappings in registration order, their handlers and literal starts, index by index; replaced whole. */
    private record Index(RequestMappingInfo[] infos, HandlerMethod[] handlers, String[][] prefixes,
            Map<String, int[]> direct) {

        static final Index EMPTY = new Index(new RequestMappingInfo[0], new HandlerMethod[0], new String[0][],
                Map.of());
    }

    private record Match(RequestMappingInfo info, HandlerMethod handler) {}

    private volatile Index index = Index.EMPTY;

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        reindex();
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        reindex();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        reindex();
    }

    private void reindex() {
        var all = getHandlerMethods();
        var infos = all.keySet().toArray(RequestMappingInfo[]::new);
        var handlers = new HandlerMethod[infos.length];
        var prefixes = new String[infos.length][];
        var direct = new HashMap<String, List<Integer>>();
        for (int i = 0; i < infos.length; i++) {
            handlers[i] = all.get(infos[i]);
            prefixes[i] = literalPrefixes(infos[i]).toArray(String[]::new);
            for (var path : infos[i].getDirectPaths()) direct.computeIfAbsent(path, p -> new ArrayList<>()).add(i);
        }
        var directIndexes = new HashMap<String, int[]>();
        direct.forEach((path, at) -> directIndexes.put(path, at.stream().mapToInt(Integer::intValue).toArray()));
        index = new Index(infos, handlers, prefixes, Map.copyOf(directIndexes));
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        var lookup = new Lookup(request);
        var known = index;
        var matches = new ArrayList<Match>(4);
        var named = known.direct().get(lookupPath);
        if (named != null) {
            for (int i : named) add(known, i, lookup, matches);
        }
        if (matches.isEmpty()) {
            for (int i = 0; i < known.infos().length; i++) {
                if (mayMatch(known.prefixes()[i], lookupPath)) add(known, i, lookup, matches);
            }
        }
        if (matches.isEmpty()) return super.lookupHandlerMethod(lookupPath, request);
        var best = matches.getFirst();
        if (matches.size() > 1) {
            var ranking = getMappingComparator(request);
            matches.sort((a, b) -> ranking.compare(a.info(), b.info()));
            best = matches.getFirst();
            var second = matches.get(1);
            if (ranking.compare(best.info(), second.info()) == 0) {
                throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                        + "': {" + best.handler().getMethod() + ", " + second.handler().getMethod() + "}");
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.info(), lookupPath, request);
        return best.handler();
    }

    private void add(Index known, int i, HttpServletRequest lookup, List<Match> matches) {
        var match = getMatchingMapping(known.infos()[i], lookup);
        if (match != null) matches.add(new Match(match, known.handlers()[i]));
    }

    /** False only when every pattern of the mapping starts with text the path lacks. */
    private static boolean mayMatch(String[] literal, String path) {
        if (literal.length == 0) return true;
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

    /** The request as the mappings see it during one lookup: its method read once. */
    private static final class Lookup extends HttpServletRequestWrapper {

        private final String method;

        Lookup(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
