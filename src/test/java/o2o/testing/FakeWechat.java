package o2o.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's OAuth 2.0 web authorization as seen from our server, on 127.0.0.1: the authorize page (it "signs in" as
 * whichever user the test says and sends the browser back with a code), and the code exchange and user info APIs,
 * answering like WeChat does (HTTP 200, errors as {@code errcode}). A code works once.
 */
public final class FakeWechat implements AutoCloseable {

    public static final String APP_ID = "wx-test-app";
    public static final String APP_SECRET = "wx-test-secret";

    /** A WeChat user: openid for our app, unionid if any, and the profile shown with {@code snsapi_userinfo}. */
    public record User(String openid, @Nullable String unionid, String nickname, String avatarUrl) {

        public static User random(String name) {
            var id = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
            return new User("oFake" + id, "uFake" + id, name, "https://thirdwx.example/" + id + ".png");
        }
    }

    private record Grant(User user, String scope) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile @Nullable User signedIn;

    public FakeWechat() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/connect/oauth2/authorize", this::authorize);
        server.createContext("/sns/oauth2/access_token", this::accessToken);
        server.createContext("/sns/userinfo", this::userInfo);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The WeChat user whose phone opens the authorize page next (the authorize page acts as them). */
    public void signInAs(User user) {
        signedIn = user;
    }

    /** A code as WeChat's authorize page would hand to the app for this user. */
    public String codeFor(User user, String scope) {
        var code = "code" + HexFormat.of().formatHex(random.generateSeed(12));
        codes.put(code, new Grant(user, scope));
        return code;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        var q = query(exchange.getRequestURI());
        var user = signedIn;
        if (user == null || !APP_ID.equals(q.get("appid")) || !"code".equals(q.get("response_type"))
                || q.get("redirect_uri") == null) {
            send(exchange, 400, "text/plain", "bad authorize request");
            return;
        }
        var code = codeFor(user, q.getOrDefault("scope", "snsapi_base"));
        var back = q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", back);
        send(exchange, 302, "text/plain", "");
    }

    private void accessToken(HttpExchange exchange) throws IOException {
        var q = query(exchange.getRequestURI());
        if (!APP_ID.equals(q.get("appid")) || !APP_SECRET.equals(q.get("secret"))) {
            json(exchange, Map.of("errcode", 40125, "errmsg", "invalid appsecret"));
            return;
        }
        var code = q.getOrDefault("code", "");
        var grant = codes.remove(code);
        if (grant == null) {
            json(exchange, usedCodes.contains(code)
                    ? Map.of("errcode", 40163, "errmsg", "code been used")
                    : Map.of("errcode", 40029, "errmsg", "invalid code"));
            return;
        }
        usedCodes.add(code);
        var token = "at" + HexFormat.of().formatHex(random.generateSeed(12));
        accessTokens.put(token, grant);
        var body = new HashMap<String, Object>(Map.of("access_token", token, "expires_in", 7200,
                "refresh_token", "rt" + token, "openid", grant.user().openid(), "scope", grant.scope()));
        if (grant.user().unionid() != null) body.put("unionid", grant.user().unionid());
        json(exchange, body);
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        var q = query(exchange.getRequestURI());
        var grant = accessTokens.get(q.getOrDefault("access_token", ""));
        if (grant == null || !grant.user().openid().equals(q.get("openid"))) {
            json(exchange, Map.of("errcode", 40001, "errmsg", "invalid credential, access_token is invalid"));
            return;
        }
        if (!grant.scope().contains("snsapi_userinfo")) {
            json(exchange, Map.of("errcode", 48001, "errmsg", "api unauthorized"));
            return;
        }
        var user = grant.user();
        var body = new HashMap<String, Object>(Map.of("openid", user.openid(), "nickname", user.nickname(),
                "headimgurl", user.avatarUrl(), "sex", 0, "province", "", "city", "", "country", ""));
        if (user.unionid() != null) body.put("unionid", user.unionid());
        json(exchange, body);
    }

    /** WeChat answers with HTTP 200 and text/plain even for errors; our client must not depend on either. */
    private static void json(HttpExchange exchange, Map<String, ?> body) throws IOException {
        send(exchange, 200, "text/plain", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + ";charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(URI uri) {
        var result = new HashMap<String, String>();
        var raw = uri.getRawQuery();
        if (raw == null) return result;
        for (var pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
