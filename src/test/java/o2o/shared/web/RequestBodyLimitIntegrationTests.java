package o2o.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import o2o.testing.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are bounded before they are read: a declared length over the limit is refused at once, a chunked
 * body is cut off once it passes the limit, and both answer 413 problem+json; bodies within their limit (JSON, a
 * member import by CSV body or multipart upload above the JSON limit) work as before.
 */
class RequestBodyLimitIntegrationTests extends ApiTest {

    private static final int MIB = 1 << 20;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeSignInWith413() throws Exception {
        var body = "{\"phone\":\"" + "1".repeat(2 * MIB) + "\"}";
        var response = send(HttpRequest.newBuilder(uri("/api/v1/auth/otp"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        var problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:o2o:problem:payload-too-large");
        assertThat(problem.path("detail").asString()).isEqualTo("The request body is over 1 MiB; send less");
        assertThat(problem.path("maxBytes").asLong()).isEqualTo(MIB);
    }

    @Test
    void aChunkedBodyIsCutOffOnceItPassesTheLimit() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/v1/auth/otp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> jsonOfSize(3L * MIB))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonMapper.builder().build().readTree(response.body()).path("detail").asString())
                .as("Chinese by default").isEqualTo("请求内容超过 1 MiB，请缩小后再发");
    }

    @Test
    void aChunkedBodyWithAnIdempotencyKeyIsCutOffToo() throws Exception {
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var response = send(HttpRequest.newBuilder(uri("/api/v1/orders"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + customer)
                .header("Idempotency-Key", Fixtures.unique("big"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> jsonOfSize(2L * MIB))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:o2o:problem:payload-too-large");
    }

    @Test
    void bodiesWithinTheLimitStillWorkWithAndWithoutALength() throws Exception {
        assertThat(api.post("/api/v1/auth/otp", Map.of("phone", Fixtures.uniquePhone())).status()).isEqualTo(202);
        var small = ("{\"phone\":\"" + Fixtures.uniquePhone() + "\"}").getBytes(StandardCharsets.UTF_8);

        var chunked = send(HttpRequest.newBuilder(uri("/api/v1/auth/otp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(202);
    }

    @Test
    void aMemberImportAboveTheJsonLimitButWithinTheUploadLimitWorks() {
        var merchant = fixtures.approvedMerchant(Fixtures.unique("导入商户"));
        var csv = csvOfAbout(2 * MIB);

        var byBody = api.postRaw("/api/v1/merchant/member-imports", csv, "text/csv", merchant.ownerToken());
        assertThat(byBody.status()).as(byBody.raw()).isEqualTo(201);
        assertReport(byBody.body());

        var console = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        console.get("/merchant/members/import");
        var uploaded = console.postFile("/merchant/members/import", "file", "members.csv", "text/csv",
                csvOfAbout(2 * MIB).getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
        assertThat(uploaded.location()).contains("/merchant/members/import/");
    }

    @Test
    void anUploadOverTheUploadLimitIsRefusedWith413() {
        var merchant = fixtures.approvedMerchant(Fixtures.unique("导入商户"));
        var console = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        console.get("/merchant/members/import");

        var refused = console.postFile("/merchant/members/import", "file", "members.csv", "text/csv",
                new byte[7 * MIB]);

        assertThat(refused.status()).isEqualTo(413);
        var imports = api.get("/api/v1/merchant/member-imports", merchant.ownerToken());
        assertThat(imports.body().path("items").size()).as("nothing was imported").isZero();
    }

    @Test
    void aChunkedUploadIsCutOffAtTheUploadLimit() throws Exception {
        var merchant = fixtures.approvedMerchant(Fixtures.unique("导入商户"));
        var console = new WebSession(port).signInAsStaff(merchant.ownerUsername(), "password-1");
        console.get("/merchant/members/import");
        var boundary = "o2o-chunked";
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ncard_number,phone,name,points,balance\n")
                .getBytes(StandardCharsets.UTF_8);

        var refused = console.send(HttpRequest.newBuilder(uri("/merchant/members/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(head), jsonOfSize(7L * MIB)))));

        assertThat(refused.status()).isEqualTo(413);
        var imports = api.get("/api/v1/merchant/member-imports", merchant.ownerToken());
        assertThat(imports.body().path("items").size()).as("nothing was imported").isZero();
    }

    /** Two good rows and rows whose over-long names are rejected, padding the file to about the size given. */
    private static String csvOfAbout(int bytes) {
        var csv = new StringBuilder("card_number,phone,name,points,balance\n");
        csv.append(Fixtures.unique("L")).append(',').append(Fixtures.uniquePhone()).append(",张三,10,0\n");
        csv.append(Fixtures.unique("L")).append(',').append(Fixtures.uniquePhone()).append(",李四,20,0\n");
        while (csv.length() < bytes) {
            csv.append(Fixtures.unique("P")).append(',').append(Fixtures.uniquePhone()).append(',')
                    .append("x".repeat(300_000)).append(",0,0\n");
        }
        return csv.toString();
    }

    private static void assertReport(JsonNode report) {
        assertThat(report.path("imported").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isPositive();
    }

    /** A JSON object whose one string field makes the body the given size, generated as it is read. */
    private static InputStream jsonOfSize(long size) {
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                if (sent >= size) return -1;
                long at = sent++;
                if (at < 10) return "{\"phone\":\"".charAt((int) at);
                if (at == size - 2) return '"';
                if (at == size - 1) return '}';
                return '1';
            }
        };
    }

    private URI uri(String path) {
        return URI.create(api.base() + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
