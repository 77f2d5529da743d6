package o2o.notifications.delivery;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud SMS's RPC-style {@code SendSms} (2017-05-25) as the SDK calls it: parameters in the query string,
 * an empty body, and an {@code Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..} header
 * over the canonical request (method, path, sorted percent-encoded query, the signed headers, the body's SHA-256).
 * Business errors come back as HTTP 200 with a {@code Code} other than {@code OK}; signature errors as HTTP 400.
 */
class FakeAliyunSms extends FakeGateway {

    private static final Set<String> MUST_SIGN = Set.of("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date",
            "x-acs-signature-nonce", "x-acs-version");

    private final Set<String> nonces = ConcurrentHashMap.newKeySet();

    FakeAliyunSms(String keyId, String secret) {
        super(keyId, secret);
    }

    @Override
    void handle(HttpExchange exchange, byte[] body) throws IOException {
        var query = query(exchange.getRequestURI().getRawQuery());
        var problem = signatureProblem(exchange, query, body);
        if (problem != null) {
            refusedSignatures.add(problem);
            respond(exchange, 400, """
                    {"Code":"%s","Message":"Specified signature does not match our calculation.","RequestId":"%s"}
                    """.formatted(problem, requestId()));
            return;
        }
        if (!"SendSms".equals(exchange.getRequestHeaders().getFirst("x-acs-action"))
                || !"2017-05-25".equals(exchange.getRequestHeaders().getFirst("x-acs-version"))) {
            respond(exchange, 404, "{\"Code\":\"InvalidAction.NotFound\",\"RequestId\":\"" + requestId() + "\"}");
            return;
        }
        var phone = query.getOrDefault("PhoneNumbers", "");
        var outcome = next(phone);
        if (outcome == Outcome.SERVER_ERROR) {
            respond(exchange, 503, "{\"Code\":\"ServiceUnavailable\",\"Message\":\"The request has failed due to a"
                    + " temporary failure of the server.\",\"RequestId\":\"" + requestId() + "\"}");
            return;
        }
        if (outcome == Outcome.INVALID_NUMBER || !phone.matches("1[3-9]\\d{9}")) {
            respond(exchange, 200, "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\",\"RequestId\":\""
                    + requestId() + "\"}");
            return;
        }
        Map<String, String> params = query.containsKey("TemplateParam")
                ? JsonMapper.shared().readValue(query.get("TemplateParam"), new TypeReference<LinkedHashMap<String, String>>() {})
                : Map.of();
        received.add(new Received(phone, query.get("SignName"), query.get("TemplateCode"), params, List.of(),
                query.getOrDefault("OutId", "")));
        respond(exchange, 200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"%d\",\"RequestId\":\"%s\"}"
                .formatted(System.nanoTime(), requestId()));
    }

    /** Why the signature does not hold (an error code of the real API), or null when it does. */
    private String signatureProblem(HttpExchange exchange, Map<String, String> query, byte[] body) {
        var authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("ACS3-HMAC-SHA256 ")) return "MissingAuthorization";
        var parts = new HashMap<String, String>();
        for (var part : authorization.substring("ACS3-HMAC-SHA256 ".length()).split(",")) {
            var eq = part.indexOf('=');
            parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        if (!keyId.equals(parts.get("Credential"))) return "InvalidAccessKeyId.NotFound";
        var signedHeaders = List.of(parts.getOrDefault("SignedHeaders", "").split(";"));
        if (!signedHeaders.containsAll(MUST_SIGN)) return "IncompleteSignature";
        var headers = exchange.getRequestHeaders();
        var date = Instant.parse(headers.getFirst("x-acs-date"));
        if (Duration.between(date, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) return "InvalidTimeStamp.Expired";
        var payloadHash = sha256Hex(body);
        if (!payloadHash.equals(headers.getFirst("x-acs-content-sha256"))) return "ContentSHA256NotMatch";
        var canonical = new StringBuilder(exchange.getRequestMethod()).append('\n')
                .append(exchange.getRequestURI().getRawPath()).append('\n')
                .append(new TreeMap<>(query).entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"))).append('\n');
        for (var name : signedHeaders) {
            var value = headers.getFirst(name);
            canonical.append(name).append(':').append(value == null ? "" : value.strip()).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        var stringToSign = "ACS3-HMAC-SHA256\n" + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        var expected = HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), stringToSign));
        if (!same(expected, parts.getOrDefault("Signature", ""))) return "SignatureDoesNotMatch";
        if (!nonces.add(headers.getFirst("x-acs-signature-nonce"))) return "SignatureNonceUsed";
        return null;
    }

    private static Map<String, String> query(String raw) {
        var query = new HashMap<String, String>();
        if (raw == null || raw.isEmpty()) return query;
        for (var pair : raw.split("&")) {
            var eq = pair.indexOf('=');
            var key = eq < 0 ? pair : pair.substring(0, eq);
            var value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
