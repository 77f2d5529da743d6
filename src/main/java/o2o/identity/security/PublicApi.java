package o2o.identity.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API paths open to anyone and the one prefix open to a store's POS key: read by the security filter chain and
 * by the OpenAPI document alike, so the document says which credentials an operation needs, as the chain does.
 */
final class PublicApi {

    static final String POS = "/api/v1/pos/**";

    /** One open door: a method ({@code null}: any) and path patterns. */
    record Door(@Nullable HttpMethod method, List<String> patterns) {}

    static final List<Door> OPEN = List.of(
            new Door(HttpMethod.POST, List.of("/api/v1/auth/**")),
            new Door(HttpMethod.GET, List.of("/api/v1/stores/**", "/api/v1/deals/**", "/api/v1/malls/**")),
            new Door(HttpMethod.POST, List.of("/api/v1/merchant-applications")),
            new Door(HttpMethod.POST, List.of("/api/v1/payments/webhooks/**", "/api/v1/payments/notify/**")),
            new Door(HttpMethod.POST, List.of("/api/v1/delivery/callbacks/*")),
            new Door(null, List.of("/api/v1/dev/**")),
            new Door(null, List.of("/api/v1/tables/**")));

    private PublicApi() {}

    static boolean isOpen(HttpMethod method, String path) {
        return OPEN.stream().anyMatch(door -> (door.method() == null || door.method().equals(method))
                && door.patterns().stream().anyMatch(pattern -> matches(pattern, path)));
    }

    static boolean isPos(String path) {
        return matches(POS, path);
    }

    private static boolean matches(String pattern, String path) {
        PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
        return parsed.matches(PathContainer.parsePath(path));
    }
}
