package o2o.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;

/** Which address the limits see, for the shapes X-Forwarded-For comes in (the HTTP side: SignInLimitsIntegrationTests). */
class ClientAddressTests {

    private final ClientAddressFilter filter =
            new ClientAddressFilter(new TrustedProxies(List.of("127.0.0.1", " 10.0.0.0/8 ", "::1")));

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() throws Exception {
        assertThat(resolve(filter, "203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedEntryIsTheClient() throws Exception {
        assertThat(resolve(filter, "127.0.0.1", "198.51.100.1, 198.51.100.2")).isEqualTo("198.51.100.2");
        assertThat(resolve(filter, "127.0.0.1", "198.51.100.1, 198.51.100.2, 10.1.2.3")).isEqualTo("198.51.100.2");
        assertThat(resolve(filter, "::1", "198.51.100.1", "198.51.100.2, 10.1.2.3")).isEqualTo("198.51.100.2");
        assertThat(resolve(filter, "127.0.0.1", "[2001:db8::1]")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(resolve(filter, "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(resolve(filter, "127.0.0.1", "10.9.9.9")).as("all trusted: the leftmost").isEqualTo("10.9.9.9");
    }

    @Test
    void whatIsNoAddressIsNeitherBelievedNorLookedUp() throws Exception {
        assertThat(resolve(filter, "127.0.0.1", "evil.example.com, 10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(resolve(filter, "127.0.0.1", "unknown")).isEqualTo("127.0.0.1");
        assertThat(resolve(filter, "127.0.0.1", "1.2.3")).isEqualTo("127.0.0.1");
    }

    @Test
    void withNoTrustedProxyTheHeaderIsIgnored() throws Exception {
        var none = new ClientAddressFilter(new TrustedProxies(List.of()));
        assertThat(resolve(none, "127.0.0.1", "198.51.100.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void springsForwardedHeaderFilterInFrontCannotMakeTheClientChooseItsAddress() throws Exception {
        var request = request("203.0.113.9", "198.51.100.1");
        var seen = new AtomicReference<String>();
        var chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {}, new ForwardedHeaderFilter(), filter,
                (req, res, next) -> seen.set(ClientAddress.of((HttpServletRequest) req)));
        chain.doFilter(request, new MockHttpServletResponse());
        assertThat(seen.get()).isEqualTo("203.0.113.9");
    }

    @Test
    void aMalformedTrustedProxyStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddressFilter(new TrustedProxies(List.of("proxy.internal"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String resolve(ClientAddressFilter filter, String peer, String... forwardedFor) throws Exception {
        var request = request(peer, forwardedFor);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return ClientAddress.of(request);
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        var request = new MockHttpServletRequest("POST", "/api/v1/auth/staff/login");
        request.setRemoteAddr(peer);
        for (var value : forwardedFor) request.addHeader(ClientAddress.HEADER, value);
        return request;
    }
}
