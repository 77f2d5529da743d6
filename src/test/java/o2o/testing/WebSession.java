package o2o.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like session over plain HTTP: cookies, CSRF tokens taken from the pages, form posts. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final Map<String, String> headers;
    private String csrf = "";

    public WebSession(int port) {
        this(port, Map.of());
    }

    /** A session that sends {@code headers} (e.g. X-Forwarded-For) with every request. */
    public WebSession(int port, Map<String, String> headers) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), port, headers);
    }

    private WebSession(HttpClient http, int port, Map<String, String> headers) {
        this.base = "http://127.0.0.1:" + port;
        this.http = http;
        this.headers = Map.copyOf(headers);
    }

    /** The same browser (its cookies and the last page's CSRF token) talking to another node of the site. */
    public WebSession onNode(int port) {
        var other = new WebSession(http, port, headers);
        other.csrf = csrf;
        return other;
    }

    public record Page(int status, String body, String location, String retryAfter) {

        public Page(int status, String body, String location) {
            this(status, body, location, "");
        }
    }

    /** Signs in on the staff login page the way the form does. */
    public WebSession signInAsStaff(String username, String password) {
        get("/staff/login");
        var response = post("/staff/login", Map.of("username", username, "password", password));
        if (response.status() != 302 || response.location().contains("error")) {
            throw new IllegalStateException("sign-in failed: " + response);
        }
        return this;
    }

    /** Signs a customer in by phone and the SMS code {@code codeOf} reads for it (e.g. {@code fixtures::latestCode}). */
    public WebSession signInAsCustomer(String phone, Function<String, String> codeOf) {
        get("/signin");
        var sent = post("/signin/code", Map.of("phone", phone));
        if (sent.status() != 200) throw new IllegalStateException("no code sent: " + sent);
        var response = post("/signin", Map.of("phone", phone, "code", codeOf.apply(phone), "next", "/"));
        if (response.status() != 302) throw new IllegalStateException("sign-in failed: " + response);
        return this;
    }

    public Page get(String path) {
        var page = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        var matcher = CSRF.matcher(page.body());
        if (matcher.find()) csrf = matcher.group(1);
        return page;
    }

    public Page post(String path, Map<String, String> fields) {
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        var form = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** Uploads one file as a multipart form does, with the page's CSRF token in its header. */
    public Page postFile(String path, String field, String fileName, String contentType, byte[] content) {
        var boundary = "o2o-" + UUID.randomUUID();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                .build());
    }

    /** Sends a request of the caller's making in this session: its cookies and the page's CSRF token. */
    public Page send(HttpRequest.Builder request) {
        return send(request.header("X-CSRF-TOKEN", csrf).build());
    }

    private Page send(HttpRequest request) {
        var withHeaders = HttpRequest.newBuilder(request, (name, value) -> true);
        headers.forEach(withHeaders::header);
        try {
            var response = http.send(withHeaders.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
