package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import o2o.testing.ApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ApiConventionsIntegrationTests extends ApiTest {

    @Test
    void publishesOpenApiDocsAndSwaggerUi() {
        var docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/v1/stores/nearby")).isTrue();
        assertThat(docs.body().path("paths").has("/api/v1/auth/otp/verify")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void reportsHealthAndPrometheusMetrics() {
        assertThat(api.get("/actuator/health").text("status")).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").text("status")).isEqualTo("UP");
        var metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("http_server_requests_seconds", "hikaricp_connections");
    }

    @Test
    void everyRequestCarriesARequestId() {
        assertThat(api.get("/api/v1/stores/nearby?lat=0&lng=0").header("X-Request-Id")).isNotBlank();
    }

    @Test
    void unknownApiPathsAndWrongMethodsAreProblems() {
        var unknown = api.get("/api/v1/stores/not-a-uuid");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        var missing = api.get("/api/v1/stores/01a20d40-0000-7000-8000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("type")).isEqualTo("urn:o2o:problem:not-found");

        var wrongMethod = api.delete("/api/v1/auth/otp", null);
        assertThat(wrongMethod.status()).isIn(401, 405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");

        var wrongType = api.postRaw("/api/v1/auth/otp", "phone=1", "text/plain", null);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownApiPathIsAProblemButAnUnknownPageIsTheSitesErrorPage() {
        var anonymous = api.get("/api/v1/no-such-thing");
        assertThat(anonymous.status()).as("deny by default: unknown API paths need a token first").isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        var signedIn = api.get("/api/v1/merchant/no-such-thing",
                fixtures.operatorToken());
        assertThat(signedIn.status()).isIn(403, 404);
        assertThat(signedIn.contentType()).startsWith("application/problem+json");
        var adminPath = api.get("/api/v1/admin/no-such-thing", fixtures.operatorToken());
        assertThat(adminPath.status()).isEqualTo(404);
        assertThat(adminPath.text("type")).isEqualTo("urn:o2o:problem:not-found");

        var http = java.net.http.HttpClient.newHttpClient();
        for (var path : List.of("/no-such-page", "/stores/01a20d40-0000-7000-8000-000000000000",
                "/stores/not-a-uuid")) {
            var page = html(http, path);
            assertThat(page.statusCode()).as(path).isIn(400, 404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("id=\"error-status\"");
        }
    }

    private java.net.http.HttpResponse<String> html(java.net.http.HttpClient http, String path) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void problemsSpeakTheCallersLanguage() {
        var wrongCode = "{\"phone\":\"13711112222\",\"code\":\"123456\"}";
        assertThat(send("POST", "/api/v1/auth/otp/verify", wrongCode, "en", Map.of()).body())
                .contains("The code is wrong");
        assertThat(send("POST", "/api/v1/auth/otp/verify", wrongCode, "zh-CN", Map.of()).body()).contains("验证码错误");
    }

    @Test
    void problemsAnsweredBeforeAControllerAreWordedTheSameWay() {
        var unauthenticated = send("GET", "/api/v1/me/orders", null, "en", Map.of());
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unauthenticated.body()).contains("urn:o2o:problem:unauthenticated").contains("Sign in first");
        assertThat(send("GET", "/api/v1/me/orders", null, "zh-CN", Map.of()).body()).contains("请先登录");

        var longKey = Map.of("Idempotency-Key", "k".repeat(101));
        var refused = send("POST", "/api/v1/auth/otp", "{\"phone\":\"13711112222\"}", "zh-CN", longKey);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("urn:o2o:problem:idempotency-key-invalid").contains("1 到 100 个字符");
    }

    private HttpResponse<String> send(String method, String path, @Nullable String body, String language,
            Map<String, String> headers) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", language)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
