package o2o.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running application, JSON in and out. Every exchange with {@code /api/**} must agree with
 * the application's OpenAPI document ({@link ApiContract}): one that does not fails the test that made it.
 */
public final class Api {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private final boolean checkRequests;

    public Api(int port) {
        this("http://127.0.0.1:" + port, true);
    }

    private Api(String base, boolean checkRequests) {
        this.base = base;
        this.checkRequests = checkRequests;
    }

    /**
     * The same application, for a request that deliberately carries members the document does not have (a client's
     * own price, say) to prove the server ignores them: its response is still held to the document.
     */
    public Api sendingForeignMembers() {
        return new Api(base, false);
    }

    public String base() {
        return base;
    }

    public record Response(int status, JsonNode body, Map<String, List<String>> headers, String raw) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Response get(String path, @Nullable String token) {
        return send(request(path, token).GET().build(), null);
    }

    public Response get(String path) {
        return get(path, null);
    }

    public Response post(String path, @Nullable Object body, @Nullable String token) {
        return send(request(path, token).POST(publisher(body)).header("Content-Type", "application/json").build(),
                text(body));
    }

    public Response post(String path, @Nullable Object body) {
        return post(path, body, null);
    }

    public Response postRaw(String path, String raw, String contentType, @Nullable String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(raw))
                .header("Content-Type", contentType).build(), raw);
    }

    public Response put(String path, @Nullable Object body, @Nullable String token) {
        return send(request(path, token).PUT(publisher(body)).header("Content-Type", "application/json").build(),
                text(body));
    }

    public Response delete(String path, @Nullable String token) {
        return send(request(path, token).DELETE().build(), null);
    }

    public Response send(String method, String path, @Nullable Object body, @Nullable String token) {
        return send(method, path, body, token, Map.of());
    }

    public Response send(String method, String path, @Nullable Object body, @Nullable String token,
            Map<String, String> headers) {
        var builder = request(path, token).method(method, publisher(body)).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.build(), text(body));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        // the OpenAPI document is built on its first request, which on a busy machine takes longer
        var timeout = path.startsWith("/v3/api-docs") ? Duration.ofMinutes(5) : Duration.ofSeconds(30);
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return builder;
    }

    private static HttpRequest.BodyPublisher publisher(@Nullable Object body) {
        var text = text(body);
        return text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text);
    }

    private static @Nullable String text(@Nullable Object body) {
        if (body == null) return null;
        return body instanceof String s ? s : json(body);
    }

    /** Sends the request and holds the exchange to the OpenAPI document ({@link ApiContract}). */
    private Response send(HttpRequest request, @Nullable String requestBody) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            ApiContract.of(base).check(request, checkRequests ? requestBody : null, response, checkRequests);
            var raw = response.body();
            JsonNode body = raw.isBlank() ? JSON.missingNode() : parse(raw);
            return new Response(response.statusCode(), body, response.headers().map(), raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (RuntimeException e) {
            return JSON.missingNode();
        }
    }
}
