package o2o.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import o2o.payments.alipay.FakeAlipayConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port over the real (embedded or standalone) PostgreSQL. Every test class with
 * this annotation shares one application context, so the database starts once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, FakeWechatConfiguration.class, FakeAlipayConfiguration.class,
        o2o.payments.wechatpay.FakeWechatPayConfiguration.class})
public @interface IntegrationTest {}
