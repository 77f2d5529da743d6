package o2o.payments.alipay;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application's Alipay gateway at one local fake for the whole test run, and tells the fake the port the
 * application listens on, so the notifications and returns it sends reach it (the notify base URL of tests names no
 * real host). Of several test applications, the newest still running: one closed (a test class's own context) hands
 * the fake back to the one before it.
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
    NotifiedApplication alipayNotifiesThisApplication() {
        return new NotifiedApplication();
    }

    /** The port of this test application, on the fake while it runs. */
    static final class NotifiedApplication implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

        private static final Deque<Integer> RUNNING = new ConcurrentLinkedDeque<>();

        private volatile int port;

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            if (event.getApplicationContext().getServerNamespace() != null) return;
            port = event.getWebServer().getPort();
            RUNNING.push(port);
            FAKE.deliverTo(port);
        }

        @Override
        public void destroy() {
            if (port == 0 || !RUNNING.remove(port)) return;
            var previous = RUNNING.peek();
            if (previous != null) FAKE.deliverTo(previous);
        }
    }
}
