package o2o.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** The hosts a webhook must not be sent to: this machine, private networks and their address literals. */
public final class InternalHosts {

    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+|0x[0-9a-f.x]+");

    private InternalHosts() {}

    /**
     * Names and address literals of this machine and private networks. Names are not resolved here (the relay checks
     * what a name resolves to before each attempt).
     */
    public static boolean isInternal(String rawHost) {
        var host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal") || host.endsWith(".lan") || host.endsWith(".home.arpa")) {
            return true;
        }
        // dotted, shortened ("127.1") and bare-number IPv4 forms are all addresses, whatever a resolver makes of them
        boolean literal = host.contains(":") || IPV4_LITERAL.matcher(host).matches();
        if (!literal) return false;
        try {
            var address = InetAddress.getByName(host);
            var bytes = address.getAddress();
            boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
            boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat
                    || isMappedInternal(bytes);
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean isMappedInternal(byte[] bytes) {
        if (bytes.length != 16) return false;
        for (int i = 0; i < 10; i++) if (bytes[i] != 0) return false;
        if ((bytes[10] & 0xff) != 0xff || (bytes[11] & 0xff) != 0xff) return false;
        try {
            var v4 = InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            return isInternal(v4.getHostAddress());
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
