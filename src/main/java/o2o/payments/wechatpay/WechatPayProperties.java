package o2o.payments.wechatpay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat Pay v3.
 *
 * @param baseUrl the API's address; another one (a local fake in tests) is reached by rewriting the SDK's requests
 * @param connectTimeout how long to wait for a connection to the API
 * @param readTimeout how long to wait for its answer
 * @param notificationTolerance how far a notification's timestamp may be from now before it is refused as stale
 */
@ConfigurationProperties("o2o.payments.wechatpay")
record WechatPayProperties(
        @DefaultValue(WechatPayProperties.API) String baseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("5m") Duration notificationTolerance) {

    static final String API = "https://api.mch.weixin.qq.com";
}
