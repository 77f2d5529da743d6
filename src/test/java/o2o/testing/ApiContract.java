package o2o.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.jspecify.annotations.Nullable;

/**
 * Holds every exchange of {@link Api} with {@code /api/**} to the application's own OpenAPI document, so the
 * document cannot drift from the code: the response must be documented for its status and match that status's
 * schema and content type, and a request the server accepted (2xx) must conform to the document too. The document
 * is read once per running application (base URL) from {@code /v3/api-docs}.
 */
final class ApiContract {

    private static final Map<String, ApiContract> BY_BASE = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;

    private ApiContract(String document) {
        var options = new ParseOptions();
        options.setResolve(true);
        OpenAPI openApi = new OpenAPIParser().readContents(document, null, options).getOpenAPI();
        if (openApi == null) throw new IllegalStateException("/v3/api-docs could not be parsed");
        this.validator = OpenApiInteractionValidator.createFor(openApi)
                // a query parameter the document does not name is one the server ignores, or one it is silent about
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        .build())
                .build();
        this.operations = new ApiOperationResolver(openApi, null, false);
    }

    static ApiContract of(String base) {
        return BY_BASE.computeIfAbsent(base, ApiContract::load);
    }

    /** Throws an {@link AssertionError} naming every way the exchange departs from the document. */
    void check(HttpRequest request, @Nullable String requestBody, HttpResponse<String> response,
            boolean checkRequest) {
        var uri = request.uri();
        var path = uri.getRawPath();
        if (!path.startsWith("/api/")) return;
        var method = Request.Method.valueOf(request.method());
        var exchange = response(response);
        var operation = operations.findApiOperation(path, method);
        if (!operation.isPathFound() || !operation.isOperationAllowed()) {
            // an unknown path or method is no operation of the API: its answer must still be a problem
            var type = exchange.getContentType().orElse("");
            if (response.statusCode() >= 400 && type.startsWith("application/problem+json")) return;
            fail(request, response, List.of("%s %s is not in /v3/api-docs but answered %d %s".formatted(
                    method, path, response.statusCode(), type)));
        }
        var errors = new ArrayList<String>();
        var status = response.statusCode();
        var documented = operation.getApiOperation().getOperation().getResponses();
        if (status < 400 && (documented == null || !documented.containsKey(String.valueOf(status)))) {
            errors.add("status %d is not documented (documented: %s)".formatted(status,
                    documented == null ? "none" : documented.keySet()));
        }
        var report = checkRequest && status >= 200 && status < 300
                ? validator.validate(request(request, requestBody, method), exchange)
                : validator.validateResponse(path, method, exchange);
        if (report.hasErrors()) errors.add(SimpleValidationReportFormat.getInstance().apply(report));
        if (!errors.isEmpty()) fail(request, response, errors);
    }

    private static void fail(HttpRequest request, HttpResponse<String> response, List<String> errors) {
        throw new AssertionError("%s %s -> %d departs from /v3/api-docs:%n%s%nresponse body: %s".formatted(
                request.method(), request.uri().getRawPath(), response.statusCode(), String.join("\n", errors),
                abbreviate(response.body())));
    }

    private static SimpleRequest request(HttpRequest request, @Nullable String body, Request.Method method) {
        var builder = new SimpleRequest.Builder(method, request.uri().getRawPath());
        request.headers().map().forEach(builder::withHeader);
        queryParameters(request.uri()).forEach(builder::withQueryParam);
        if (body != null) builder.withBody(body);
        return builder.build();
    }

    private static SimpleResponse response(HttpResponse<String> response) {
        var builder = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach(builder::withHeader);
        if (!response.body().isEmpty()) builder.withBody(response.body());
        return builder.build();
    }

    private static Map<String, List<String>> queryParameters(URI uri) {
        var parameters = new LinkedHashMap<String, List<String>>();
        if (uri.getRawQuery() == null) return parameters;
        for (var pair : uri.getRawQuery().split("&")) {
            if (pair.isEmpty()) continue;
            var at = pair.indexOf('=');
            var name = decode(at < 0 ? pair : pair.substring(0, at));
            var value = at < 0 ? "" : decode(pair.substring(at + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }

    private static ApiContract load(String base) {
        // the document is built on first request; on a busy machine that takes a while
        var request = HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).timeout(Duration.ofMinutes(5)).build();
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/v3/api-docs answered " + response.statusCode());
            }
            return new ApiContract(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
