package o2o.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import o2o.shared.fuzz.Malformations;
import o2o.shared.fuzz.OpenApiOperations;
import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the application's own OpenAPI document, sent malformed bodies, parameters and path ids by a
 * seeded generator, as the principal its path calls for: no answer may be a 5xx, and no 4xx may name a Java type.
 */
class ApiFuzzIntegrationTests extends ApiTest {

    private static final long SEED = 20261206L;
    private static final int FIELDS_PER_BODY = 6;
    /** What a caller must never read: class names, exceptions, Jackson's own wording. */
    static final Pattern JAVA_WORDS = Pattern.compile("java\\.|javax\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml"
            + "|org\\.springframework|Exception|\\b(Long|Integer|Boolean|Double|BigDecimal|OffsetDateTime|LocalDate"
            + "|LocalTime|LocalDateTime|Instant|Currency|Map|List|Set)\\b|`(int|long|short|double)`|\\[Source:"
            + "|Cannot deserialize|Unrecognized token");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Credentials(String owner, String operator, String customer, String posKey) {}

    @Test
    void noOperationAnswersMalformedInputWithA5xxOrJavaTypeNames() {
        var merchant = fixtures.approvedMerchant(Fixtures.unique("模糊测试"));
        var store = fixtures.store(merchant, Fixtures.unique("模糊店"), 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, java.util.Set.of(store), 1000, 100, false, "ANYTIME");
        var other = fixtures.approvedMerchant(Fixtures.unique("模糊测试乙"));
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "模糊"),
                merchant.ownerToken());
        assertThat(key.status()).as(key.raw()).isEqualTo(201);
        var credentials = new Credentials(merchant.ownerToken(), fixtures.operatorToken(),
                fixtures.customerToken(Fixtures.uniquePhone()), key.text("secret"));

        var docs = apiDocs();
        var ids = Map.of("store", store.toString(), "deal", deal.toString(), "merchant", merchant.id().toString());
        var adminIds = Map.of("store", store.toString(), "deal", deal.toString(), "merchant", other.id().toString());
        var operations = new OpenApiOperations(docs, ids);
        var generator = new Malformations(operations, SEED, FIELDS_PER_BODY);
        var adminGenerator = new Malformations(new OpenApiOperations(docs, adminIds), SEED, FIELDS_PER_BODY);

        var failures = new ArrayList<String>();
        // -Do2o.fuzz.dump=FILE writes every request's outcome there, to see what the generator reaches
        var dumpFile = System.getProperty("o2o.fuzz.dump");
        var dump = dumpFile == null ? null : new ArrayList<String>();
        var statuses = new TreeMap<Integer, Integer>();
        int requests = 0;
        var all = operations.all();
        for (var operation : all) {
            boolean admin = operation.path().startsWith("/api/v1/admin");
            for (var c : (admin ? adminGenerator : generator).of(operation)) {
                var response = send(c, credentials);
                requests++;
                statuses.merge(response.statusCode(), 1, Integer::sum);
                var body = response.body();
                if (dump != null) dump.add(operation.id() + " [" + c.what() + "] → " + response.statusCode() + " "
                        + shorten(body));
                if (response.statusCode() >= 500) {
                    failures.add(operation.id() + " [" + c.what() + "] → " + response.statusCode() + " " + shorten(body));
                } else if (response.statusCode() >= 400 && JAVA_WORDS.matcher(body).find()) {
                    failures.add(operation.id() + " [" + c.what() + "] → " + response.statusCode()
                            + " names a Java type: " + shorten(body));
                }
            }
        }
        if (dump != null) writeDump(dumpFile, dump);
        System.out.printf("API fuzz: %d operations, %d requests, statuses %s%n", all.size(), requests, statuses);
        assertThat(all.size()).as("operations in /v3/api-docs").isGreaterThan(100);
        assertThat(failures).as("%d of %d requests failed", failures.size(), requests).isEmpty();
    }

    /** The document, given time: springdoc builds it on the first request, in half a minute on a loaded machine. */
    private tools.jackson.databind.JsonNode apiDocs() {
        var request = HttpRequest.newBuilder(URI.create(api.base() + "/v3/api-docs"))
                .timeout(Duration.ofMinutes(3)).GET().build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            var dumpFile = System.getProperty("o2o.fuzz.dump");
            if (dumpFile != null) java.nio.file.Files.writeString(java.nio.file.Path.of(dumpFile + ".openapi.json"),
                    response.body());
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(Malformations.Case c, Credentials credentials) {
        var builder = HttpRequest.newBuilder(URI.create(api.base() + c.path() + Malformations.queryString(c.query())))
                .timeout(Duration.ofSeconds(30)).header("Accept-Language", "en");
        if (c.path().startsWith("/api/v1/pos")) builder.header("X-Api-Key", credentials.posKey());
        else builder.header("Authorization", "Bearer " + (c.path().startsWith("/api/v1/merchant/")
                ? credentials.owner() : c.path().startsWith("/api/v1/admin") ? credentials.operator()
                : credentials.customer()));
        if (!c.headers().containsKey("Idempotency-Key")) builder.header("Idempotency-Key", UUID.randomUUID().toString());
        // the fuzzer plays a client of its own (127.0.0.1 is a trusted proxy here): its malformed staff sign-ins count
        // against that address, not against 127.0.0.1, from which every other test class signs its staff in
        if (!c.headers().containsKey("X-Forwarded-For")) builder.header("X-Forwarded-For", "198.51.100.77");
        c.headers().forEach(builder::header);
        if (c.body() != null) builder.header("Content-Type", c.contentType());
        var publisher = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(c.body());
        try {
            return http.send(builder.method(c.method(), publisher).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(c.method() + " " + c.path() + " [" + c.what() + "]", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeDump(String file, java.util.List<String> lines) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of(file), lines);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
