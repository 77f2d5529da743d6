package o2o.payments.alipay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alipay's open API as this platform calls it; each merchant's app id and keys are its own account settings.
 *
 * @param gatewayUrl the open API gateway (Alipay's sandbox is {@code https://openapi-sandbox.dl.alipaydev.com/gateway.do})
 * @param connectTimeout how long a connection to the gateway may take
 * @param readTimeout how long an answer may take; a refund that times out is sent again with the same number
 */
@ConfigurationProperties("o2o.payments.alipay")
record AlipayProperties(
        @DefaultValue("https://openapi.alipay.com/gateway.do") String gatewayUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout) {}
