package o2o.payments.alipay;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application's Alipay gateway at one local fake for the whole test run, and tells the fake the port the
 * application listens on, so the notifications and returns it sends reach it (the notify base URL of tests names no
 * real host).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeAlipayConfiguration {

    private static final FakeAlipay FAKE = FakeAlipay.start();

    @Bean(destroyMethod = "")
    FakeAlipay fakeAlipay() {
        return FAKE;
    }

    @Bean
    DynamicPropertyRegistrar alipayGatewayUrl() {
        return registry -> registry.add("o2o.payments.alipay.gateway-url", FAKE::gatewayUrl);
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> alipayNotifiesThisApplication() {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) FAKE.deliverTo(event.getWebServer().getPort());
        };
    }
}
