package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import o2o.testing.ApiTest;
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
        var http = java.net.http.HttpClient.newHttpClient();
        var english = send(http, "en");
        var chinese = send(http, "zh-CN");
        assertThat(english).contains("The code is wrong");
        assertThat(chinese).contains("验证码错误");
    }

    private String send(java.net.http.HttpClient http, String language) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/auth/otp/verify"))
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", language)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"phone\":\"13711112222\",\"code\":\"123456\"}"))
                    .build();
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
