package o2o.identity.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import o2o.identity.WechatAccount;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's side of web authorization: the URL a customer is sent to, and the server-to-server exchange of the code
 * it sends back for the openid (and, with {@code snsapi_userinfo}, the profile). WeChat answers errors with HTTP 200
 * and an {@code errcode}; those become problems, and nothing is returned that WeChat did not vouch for.
 */
@Component
class WechatOAuth {

    private static final Logger log = LoggerFactory.getLogger(WechatOAuth.class);
    /** invalid code, code been used, code missing, code expired */
    private static final Set<Integer> BAD_CODE = Set.of(40029, 40163, 41008, 42003);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final WechatProperties properties;
    private final JsonMapper json;

    WechatOAuth(WechatProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    String authorizeUrl(String redirectUri, String state, boolean profile) {
        return properties.authorizeUrl() + "?" + query(Map.of(
                "appid", properties.appId(),
                "redirect_uri", redirectUri,
                "response_type", "code",
                "scope", profile ? "snsapi_userinfo" : "snsapi_base",
                "state", state)) + "#wechat_redirect";
    }

    /** Exchanges a code (usable once, minutes long) for the WeChat account it was issued to. */
    WechatAccount exchange(String code, boolean profile) {
        var token = call("/sns/oauth2/access_token", Map.of("appid", properties.appId(), "secret", properties.appSecret(),
                "code", code, "grant_type", "authorization_code"));
        var openid = text(token, "openid");
        if (openid == null) throw failed("no openid in WeChat's answer");
        var unionid = text(token, "unionid");
        var scope = text(token, "scope");
        var accessToken = text(token, "access_token");
        if (!profile || accessToken == null || scope == null || !scope.contains("snsapi_userinfo")) {
            return new WechatAccount(openid, unionid, null, null);
        }
        var user = call("/sns/userinfo", Map.of("access_token", accessToken, "openid", openid, "lang", "zh_CN"));
        if (!openid.equals(text(user, "openid"))) throw failed("WeChat's user info is of another openid");
        var union = text(user, "unionid");
        return new WechatAccount(openid, union != null ? union : unionid, text(user, "nickname"), text(user, "headimgurl"));
    }

    private JsonNode call(String path, Map<String, String> params) {
        var request = HttpRequest.newBuilder(URI.create(properties.apiUrl() + path + "?" + query(params)))
                .timeout(Duration.ofSeconds(5)).GET().build();
        JsonNode body;
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) throw failed("WeChat answered HTTP " + response.statusCode());
            body = json.readTree(response.body());
        } catch (IOException | JacksonException e) {
            log.warn("WeChat {} failed: {}", path, e.toString());
            throw failed("WeChat could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted");
        }
        int errcode = body.path("errcode").asInt(0);
        if (errcode != 0) {
            var errmsg = body.path("errmsg").asString("");
            log.info("WeChat {} refused: {} {}", path, errcode, errmsg);
            if (BAD_CODE.contains(errcode)) {
                throw new Problem(HttpStatus.UNAUTHORIZED, "wechat-code-invalid",
                        "WeChat refused the code (%d): it is wrong, used or expired".formatted(errcode),
                        Map.of("errcode", errcode));
            }
            throw new Problem(HttpStatus.BAD_GATEWAY, "wechat-failed", "WeChat refused (%d %s)".formatted(errcode, errmsg),
                    Map.of("errcode", errcode));
        }
        return body;
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static Problem failed(String detail) {
        return new Problem(HttpStatus.BAD_GATEWAY, "wechat-failed", detail);
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
