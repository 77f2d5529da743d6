package o2o.identity.wechat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat sign-in (公众号网页授权, OAuth 2.0). Off while {@code appId} is blank: its routes answer 404 and no page offers it.
 *
 * @param appId the official account's AppID
 * @param appSecret its AppSecret; used only on the server, to exchange codes
 * @param authorizeUrl where the customer's WeChat is sent to authorize
 * @param apiUrl WeChat's API (code exchange, user info)
 * @param ticketTtl how long an API client has to prove a phone for a WeChat account that is not bound yet
 */
@ConfigurationProperties("o2o.identity.wechat")
public record WechatProperties(
        @DefaultValue("") String appId,
        @DefaultValue("") String appSecret,
        @DefaultValue("https://open.weixin.qq.com/connect/oauth2/authorize") String authorizeUrl,
        @DefaultValue("https://api.weixin.qq.com") String apiUrl,
        @DefaultValue("10m") Duration ticketTtl) {

    public boolean enabled() {
        return !appId.isBlank();
    }
}
