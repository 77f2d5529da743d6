package o2o.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import o2o.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** Where a production webhook may point, and how long the relay waits between attempts; no Spring, no database. */
class WebhookUrlTests {

    @Test
    void loopbackPrivateLinkLocalAndInternalNamesAreInternal() {
        assertThat(List.of("127.0.0.1", "localhost", "LOCALHOST.", "api.localhost", "10.1.2.3", "172.16.0.1",
                "192.168.1.10", "169.254.169.254", "0.0.0.0", "[::1]", "[fd00::1]", "[fe80::1]", "127.1",
                "2130706433", "0x7f000001", "[::ffff:127.0.0.1]", "100.64.0.1", "metadata.google.internal",
                "printer.local", "224.0.0.1"))
                .allSatisfy(host -> assertThat(InternalHosts.isInternal(host)).as(host).isTrue());
    }

    @Test
    void publicNamesAndAddressesAreNotInternal() {
        assertThat(List.of("example.com", "hooks.example.cn", "8.8.8.8", "[2001:4860:4860::8888]", "1.1.1.1"))
                .allSatisfy(host -> assertThat(InternalHosts.isInternal(host)).as(host).isFalse());
    }

    @Test
    void withoutAllowLoopbackAnEndpointOnThisMachineOrAPrivateNetworkIsRefused() {
        var properties = new WebhookProperties(false, 8, Duration.ofSeconds(30), Duration.ofHours(1));
        for (var url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "https://10.0.0.5/hook",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/hook")) {
            assertThatThrownBy(() -> EndpointSettings.checked(url, null, List.of("order.paid"),
                    properties.allowLoopback()))
                    .as(url).isInstanceOf(InvalidInput.class).hasMessageContaining("url");
        }
    }

    @Test
    void pausesDoubleFromTheFirstUpToTheLongest() {
        var properties = new WebhookProperties(false, 8, Duration.ofSeconds(30), Duration.ofHours(1));
        assertThat(properties.pauseAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.pauseAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.pauseAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.pauseAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(properties.pauseAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.pauseAfter(40)).isEqualTo(Duration.ofHours(1));
    }
}
