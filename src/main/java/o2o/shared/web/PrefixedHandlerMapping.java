package o2o.shared.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
 * mappings sit in arrays in the order they were registered, each with the literal text its patterns start with,
 * filed by the first segments of that text; a lookup takes the mappings filed under the path's own first segments,
 * compares their starts, and asks Spring only about the mappings whose start the path has.
 *
 * <p>The answer is Spring's: the mappings that name the path literally are tried first, then all; the matches are
 * ranked by Spring's comparator and a tie is the same error; the match is handled by Spring ({@code handleMatch}).
 * Everything else goes the whole way through Spring's own lookup, as before: no match (so 404, 405 and 415 are
 * Spring's), a CORS pre-flight, and a path with an escape ({@code %}) or a path parameter ({@code ;}), which the
 * patterns match after decoding ({@code PrefixedHandlerMappingTests} compares both for every pattern).
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** How many of a literal start's leading segments file a mapping ({@code /api/v1/tables/}). */
    static final int FILED_SEGMENTS = 3;

    /**
     * The mappings in registration order, their handlers and literal starts, index by index, and the indexes filed
     * by the first segments of their starts (any start when a pattern has none); replaced whole.
     */
    private record Index(RequestMappingInfo[] infos, HandlerMethod[] handlers, String[][] prefixes,
            Map<String, int[]> direct, Map<String, int[]> filed, int[] anyStart) {

        static final Index EMPTY = new Index(new RequestMappingInfo[0], new HandlerMethod[0], new String[0][],
                Map.of(), Map.of(), new int[0]);

        /**
         * The mappings whose start the path may have, by index: those filed under the path's first segments (a start
         * the path has is filed under one of them) and those with any start.
         */
        BitSet candidates(String path) {
            var found = new BitSet(infos.length);
            for (int i : anyStart) found.set(i);
            int end = 0;
            for (int segment = 0; segment <= FILED_SEGMENTS; segment++) {
                end = path.indexOf('/', end) + 1;
                if (end == 0) break;
                var at = filed.get(path.substring(0, end));
                if (at != null) for (int i : at) found.set(i);
            }
            return found;
        }
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
        var filed = new HashMap<String, List<Integer>>();
        var anyStart = new ArrayList<Integer>();
        for (int i = 0; i < infos.length; i++) {
            handlers[i] = all.get(infos[i]);
            prefixes[i] = literalPrefixes(infos[i]).toArray(String[]::new);
            for (var path : infos[i].getDirectPaths()) direct.computeIfAbsent(path, p -> new ArrayList<>()).add(i);
            for (var key : Arrays.stream(prefixes[i]).map(PrefixedHandlerMapping::filedUnder).distinct().toList()) {
                if (key.isEmpty()) anyStart.add(i);
                else filed.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
            if (prefixes[i].length == 0) anyStart.add(i);
        }
        index = new Index(infos, handlers, prefixes, indexes(direct), indexes(filed),
                anyStart.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Map<String, int[]> indexes(Map<String, List<Integer>> lists) {
        var result = new HashMap<String, int[]>();
        lists.forEach((key, at) -> result.put(key, at.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(result);
    }

    /**
     * Where a literal start is filed: its text up to the slash that ends its first {@link #FILED_SEGMENTS} segments,
     * or up to its last slash when it has fewer ({@code /api/v1/tables/} for {@code /api/v1/tables/}, {@code /api/v1/}
     * for {@code /api/v1/deals}). A path with that start begins with that text, which ends at one of its own first
     * slashes, so the path finds it by looking up the text before each of them.
     */
    static String filedUnder(String start) {
        int end = 0;
        for (int segment = 0; segment <= FILED_SEGMENTS; segment++) {
            int slash = start.indexOf('/', end);
            if (slash < 0) break;
            end = slash + 1;
        }
        return start.substring(0, end);
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
            var candidates = known.candidates(lookupPath);
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
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
