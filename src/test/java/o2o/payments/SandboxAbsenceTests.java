package o2o.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import o2o.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * With the sandbox off (every run but demo, dev and test) nobody pays without money: its pages, its confirm button and
 * its webhook do not exist, the API docs do not mention it, and no checkout offers it. Shares its context with
 * DevInboxAbsenceTests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"o2o.notifications.dev-inbox=false", "o2o.payments.sandbox.enabled=false"})
@ActiveProfiles("test")
class SandboxAbsenceTests {

    @LocalServerPort
    int port;
    @Autowired
    Payments payments;

    @Test
    void everySandboxPathAnswersNotFound() throws Exception {
        var api = new Api(port);
        assertThat(api.get("/sandbox/pay/sbx_anything").status()).isEqualTo(404);
        var http = HttpClient.newHttpClient();
        for (var path : new String[] {"/sandbox/pay/sbx_anything/confirm", "/api/v1/payments/webhooks/sandbox"}) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theApiDocsDoNotMentionTheSandbox() {
        var docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw()).doesNotContainIgnoringCase("sandbox");
    }

    @Test
    void noCheckoutOffersTheSandbox() {
        assertThat(payments.gatewaysOf(UUID.randomUUID())).doesNotContain("sandbox");
        var options = new Api(port).get("/pay/options?merchant=" + UUID.randomUUID());
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.raw()).contains("no-gateway").doesNotContain("sandbox");
    }
}
