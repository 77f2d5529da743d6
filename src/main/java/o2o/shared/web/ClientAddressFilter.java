package o2o.shared.web;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves {@link ClientAddress} once per request, before Spring Security and every controller read it. It reads the
 * container's own request beneath any wrapper: Spring's {@code ForwardedHeaderFilter}
 * ({@code server.forward-headers-strategy=framework}) would otherwise hand it the leftmost, client-written
 * X-Forwarded-For entry as the peer, and hide the header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ClientAddressFilter extends OncePerRequestFilter {

    private final List<IpAddressMatcher> trusted;

    ClientAddressFilter(TrustedProxies proxies) {
        // a malformed entry stops the start here rather than silently trusting nothing (or everything)
        this.trusted = proxies.trustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var container = container(request);
        var socket = container.getRemoteAddr();
        var forwarded = trusted.isEmpty() ? List.<String>of()
                : Collections.list(container.getHeaders(ClientAddress.HEADER));
        request.setAttribute(ClientAddress.ATTRIBUTE, ClientAddress.resolve(socket, forwarded, this::isTrusted));
        chain.doFilter(request, response);
    }

    private static HttpServletRequest container(HttpServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) inner = wrapper.getRequest();
        return inner instanceof HttpServletRequest http ? http : request;
    }

    private boolean isTrusted(InetAddress address) {
        var literal = address.getHostAddress();
        return trusted.stream().anyMatch(matcher -> matcher.matches(literal));
    }
}
