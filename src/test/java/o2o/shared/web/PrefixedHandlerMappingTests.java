package o2o.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import o2o.testing.ApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The application's request mapping passes over mappings by their literal start and answers exactly as Spring's own
 * lookup through every mapping does: for a path made from each of the application's patterns, with its method and
 * with another, for paths no mapping knows, and for escaped paths, which it looks up the whole way.
 */
class PrefixedHandlerMappingTests extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    ConfigurableApplicationContext context;

    private @Nullable RequestMappingHandlerMapping plain;

    @Test
    void everyPatternOfTheApplicationFindsTheHandlerTheFullLookupFinds() throws Exception {
        assertThat(mapping).isInstanceOf(PrefixedHandlerMapping.class);
        var handlers = mapping.getHandlerMethods();
        assertThat(handlers).hasSizeGreaterThan(500);
        int compared = 0;
        int withVariables = 0;
        for (var info : handlers.keySet()) {
            var condition = info.getPathPatternsCondition();
            if (condition == null) continue;
            for (var pattern : condition.getPatterns()) {
                var path = samplePath(pattern.getPatternString());
                if (!path.equals(pattern.getPatternString())) withVariables++;
                var methods = info.getMethodsCondition().getMethods();
                var method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
                for (var m : new String[] {method, "PATCH"}) {
                    assertThat(found(m, path)).as(m + " " + path).isEqualTo(fullLookup(m, path));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
        assertThat(withVariables).isGreaterThan(100);
    }

    @Test
    void pathsNoMappingKnowsFindNothingAndEscapedPathsAreMatchedDecoded() throws Exception {
        for (var path : new String[] {"/api/v1/nowhere/x1", "/apix/v1/stores/nearby", "/zz", "/api/v1/tables"}) {
            assertThat(found("GET", path)).as(path).isEqualTo(fullLookup("GET", path));
        }
        var nearby = found("GET", "/api/v1/stores/nearby");
        assertThat(nearby).contains("nearby");
        assertThat(found("GET", "/api/v1/%73tores/nearby")).isEqualTo(nearby);
        var variable = found("POST", "/api/v1/tables/abc/rounds");
        assertThat(variable).contains("Table");
        assertThat(found("POST", "/api/v1/%74ables/abc/rounds")).isEqualTo(variable);
    }

    @Test
    void aStartIsFiledUnderItsFirstSegmentsOrUpToItsLastSlash() {
        assertThat(PrefixedHandlerMapping.filedUnder("/api/v1/tables/")).isEqualTo("/api/v1/tables/");
        assertThat(PrefixedHandlerMapping.filedUnder("/api/v1/merchant/stores/")).isEqualTo("/api/v1/merchant/");
        assertThat(PrefixedHandlerMapping.filedUnder("/api/v1/deals")).isEqualTo("/api/v1/");
        assertThat(PrefixedHandlerMapping.filedUnder("/sandbox/pay/")).isEqualTo("/sandbox/pay/");
        assertThat(PrefixedHandlerMapping.filedUnder("/")).isEqualTo("/");
        assertThat(PrefixedHandlerMapping.filedUnder("pay")).isEmpty();
    }

    private String found(String method, String path) {
        return outcome(mapping, method, path);
    }

    /** What Spring's own mapping, made afresh over the same controllers, answers. */
    private String fullLookup(String method, String path) {
        return outcome(plain(), method, path);
    }

    private RequestMappingHandlerMapping plain() {
        if (plain == null) {
            var fresh = new RequestMappingHandlerMapping();
            fresh.setPatternParser(mapping.getPatternParser());
            fresh.setContentNegotiationManager(mapping.getContentNegotiationManager());
            fresh.setPathPrefixes(mapping.getPathPrefixes());
            fresh.setEmbeddedValueResolver(new EmbeddedValueResolver(context.getBeanFactory()));
            fresh.setApplicationContext(context);
            fresh.afterPropertiesSet();
            assertThat(fresh.getHandlerMethods()).hasSameSizeAs(mapping.getHandlerMethods());
            plain = fresh;
        }
        return plain;
    }

    /** The handler method found, "none", or the problem's class (a path known for other methods only, say). */
    private static String outcome(RequestMappingHandlerMapping mapping, String method, String path) {
        try {
            var chain = mapping.getHandler(request(method, path));
            return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).getMethod().toGenericString();
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    private static MockHttpServletRequest request(String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** A path the pattern matches: each variable a word, a catch-all two segments, a wildcard one. */
    private static String samplePath(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "x1").replace("**", "x/y")
                .replace("*", "x").replace("?", "q");
    }
}
