package o2o.notifications.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tencent Cloud SMS's API 3.0 {@code SendSms} (2021-01-11): a JSON body, the action in {@code X-TC-Action} and an
 * {@code Authorization: TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=..,
 * Signature=..} header, the key derived from the secret, the date and the service (the endpoint host's first label,
 * {@code sms} for {@code sms.tencentcloudapi.com}). Every answer is HTTP 200 with a {@code Response}: an
 * {@code Error}, or a {@code SendStatusSet} whose entry per number says {@code Ok} or why not.
 */
class FakeTencentSms extends FakeGateway {

    final String sdkAppId;

    FakeTencentSms(String keyId, String secret, String sdkAppId) {
        super(keyId, secret);
        this.sdkAppId = sdkAppId;
    }

    @Override
    void handle(HttpExchange exchange, byte[] body) throws IOException {
        var problem = signatureProblem(exchange, body);
        if (problem != null) {
            refusedSignatures.add(problem);
            error(exchange, problem, "The provided credentials could not be validated.");
            return;
        }
        if (!"SendSms".equals(exchange.getRequestHeaders().getFirst("X-TC-Action"))
                || !"2021-01-11".equals(exchange.getRequestHeaders().getFirst("X-TC-Version"))) {
            error(exchange, "InvalidAction", "no such action");
            return;
        }
        var request = JsonMapper.shared().readTree(body);
        if (!sdkAppId.equals(request.path("SmsSdkAppId").asString())) {
            error(exchange, "InvalidParameterValue.SdkAppIdNotExist", "SdkAppId not exist.");
            return;
        }
        var statuses = new ArrayList<String>();
        for (var number : request.path("PhoneNumberSet")) {
            var phone = number.asString();
            var outcome = next(phone);
            if (outcome == Outcome.SERVER_ERROR) {
                respond(exchange, 502, "<html>Bad Gateway</html>");
                return;
            }
            String code = "Ok";
            if (outcome == Outcome.INVALID_NUMBER || !phone.matches("\\+861[3-9]\\d{9}")) {
                code = "InvalidParameterValue.IncorrectPhoneNumber";
            } else {
                var params = new ArrayList<String>();
                request.path("TemplateParamSet").forEach(p -> params.add(p.asString()));
                received.add(new Received(phone, request.path("SignName").asString(),
                        request.path("TemplateId").asString(), Map.of(), List.copyOf(params),
                        request.path("SessionContext").asString()));
            }
            statuses.add("""
                    {"SerialNo":"%d","PhoneNumber":"%s","Fee":1,"SessionContext":"%s","Code":"%s","Message":"%s",\
                    "IsoCode":"CN"}""".formatted(System.nanoTime(), phone, request.path("SessionContext").asString(),
                    code, code.equals("Ok") ? "send success" : "incorrect number format"));
        }
        respond(exchange, 200, "{\"Response\":{\"SendStatusSet\":[" + String.join(",", statuses)
                + "],\"RequestId\":\"" + requestId() + "\"}}");
    }

    private static void error(HttpExchange exchange, String code, String message) throws IOException {
        respond(exchange, 200, "{\"Response\":{\"Error\":{\"Code\":\"%s\",\"Message\":\"%s\"},\"RequestId\":\"%s\"}}"
                .formatted(code, message, requestId()));
    }

    /** Why the signature does not hold (an error code of the real API), or null when it does. */
    private String signatureProblem(HttpExchange exchange, byte[] body) {
        var headers = exchange.getRequestHeaders();
        var authorization = headers.getFirst("Authorization");
        var prefix = "TC3-HMAC-SHA256 ";
        if (authorization == null || !authorization.startsWith(prefix)) return "AuthFailure.SignatureFailure";
        String credential = null, signedHeaders = null, signature = null;
        for (var part : authorization.substring(prefix.length()).split(",")) {
            var eq = part.indexOf('=');
            var name = part.substring(0, eq).strip();
            var value = part.substring(eq + 1).strip();
            switch (name) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> { }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) return "AuthFailure.SignatureFailure";
        var scope = credential.split("/");
        if (scope.length != 4 || !scope[3].equals("tc3_request")) return "AuthFailure.SignatureFailure";
        if (!keyId.equals(scope[0])) return "AuthFailure.SecretIdNotFound";
        var host = headers.getFirst("Host");
        var service = host.split("\\.")[0];
        if (!scope[2].equals(service)) return "AuthFailure.SignatureFailure";
        long timestamp = Long.parseLong(headers.getFirst("X-TC-Timestamp"));
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) return "AuthFailure.SignatureExpire";
        var date = Instant.ofEpochSecond(timestamp).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        if (!scope[1].equals(date)) return "AuthFailure.SignatureFailure";
        var names = List.of(signedHeaders.split(";"));
        if (!names.contains("content-type") || !names.contains("host")) return "AuthFailure.SignatureFailure";
        var canonical = new StringBuilder(exchange.getRequestMethod()).append("\n/\n")
                .append(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery())
                .append('\n');
        for (var name : names) {
            var value = headers.getFirst(name);
            canonical.append(name).append(':')
                    .append(value == null ? "" : value.strip().toLowerCase(Locale.ROOT)).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(sha256Hex(body));
        var stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope[1] + "/" + service + "/tc3_request\n"
                + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        var key = hmacSha256(("TC3" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmacSha256(key, service);
        key = hmacSha256(key, "tc3_request");
        var expected = HexFormat.of().formatHex(hmacSha256(key, stringToSign));
        return same(expected, signature) ? null : "AuthFailure.SignatureFailure";
    }
}
