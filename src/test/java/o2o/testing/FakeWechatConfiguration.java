package o2o.testing;

import java.io.IOException;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** One fake WeChat for the whole shared test context; the application's WeChat settings point at it. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeWechatConfiguration {

    @Bean(destroyMethod = "close")
    FakeWechat fakeWechat() throws IOException {
        return new FakeWechat();
    }

    @Bean
    DynamicPropertyRegistrar fakeWechatProperties(FakeWechat wechat) {
        return registry -> {
            registry.add("o2o.identity.wechat.app-id", () -> FakeWechat.APP_ID);
            registry.add("o2o.identity.wechat.app-secret", () -> FakeWechat.APP_SECRET);
            registry.add("o2o.identity.wechat.authorize-url", () -> wechat.base() + "/connect/oauth2/authorize");
            registry.add("o2o.identity.wechat.api-url", wechat::base);
        };
    }
}
