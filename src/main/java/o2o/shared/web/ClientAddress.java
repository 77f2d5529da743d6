package o2o.shared.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The address of the client behind a request, for per-client limits (sign-in, SMS codes, WeChat). It is the socket's
 * peer, unless that peer is one of the trusted proxies ({@code o2o.web.trusted-proxies}): then it is the rightmost
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy. Everything left of that entry was written by the
 * client and is never believed, so a client cannot choose its own address by sending the header; with no trusted
 * proxy configured (the default) the header is ignored altogether. {@link ClientAddressFilter} resolves it once per
 * request, before the security filters.
 */
public final class ClientAddress {

    static final String ATTRIBUTE = ClientAddress.class.getName();
    static final String HEADER = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f.]{0,15}){2,8}");

    private ClientAddress() {}

    /** The client's address, as resolved for this request; the socket's peer where nothing resolved it. */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String address ? address : request.getRemoteAddr();
    }

    /**
     * Walks {@code forwardedFor} (the header's values in order, each possibly a comma-separated list) from the right
     * while the hop that reported the next entry is trusted.
     */
    static String resolve(String socketPeer, List<String> forwardedFor, Predicate<InetAddress> trusted) {
        var peer = literal(socketPeer);
        if (peer == null) return socketPeer;
        var hops = new ArrayList<String>();
        for (var value : forwardedFor) {
            for (var entry : value.split(",")) {
                if (!entry.isBlank()) hops.add(entry.strip());
            }
        }
        Collections.reverse(hops);
        var client = peer;
        for (var hop : hops) {
            if (!trusted.test(client)) break;
            var address = literal(hop);
            // a trusted proxy passed on something that is no address: the proxy is the last hop we can vouch for
            if (address == null) break;
            client = address;
        }
        return client.getHostAddress();
    }

    /**
     * An IP literal (IPv6 possibly in brackets), never a name to look up: only text shaped like an address reaches
     * {@link InetAddress#getByName}, which parses such text without asking DNS. Null for anything else.
     */
    public static @Nullable InetAddress literal(String text) {
        var bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) return null;
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
