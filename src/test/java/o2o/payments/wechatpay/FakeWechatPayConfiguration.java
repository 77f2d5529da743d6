package o2o.payments.wechatpay;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the running application's WeChat Pay clients at the local fake (one per test JVM). */
@TestConfiguration(proxyBeanMethods = false)
public class FakeWechatPayConfiguration {

    @Bean
    FakeWechatPay fakeWechatPay() {
        return FakeWechatPay.shared();
    }

    @Bean
    DynamicPropertyRegistrar fakeWechatPayProperties(FakeWechatPay fake) {
        return registry -> registry.add("o2o.payments.wechatpay.base-url", fake::baseUrl);
    }
}
