package o2o.notifications.delivery;

/**
 * A gateway's host (with a port, if any) and scheme. The SDKs take them apart: {@code dysmsapi.aliyuncs.com} is
 * HTTPS; {@code http://127.0.0.1:8089} is a local stand-in over plain HTTP.
 */
record GatewayAddress(boolean https, String host) {

    static GatewayAddress of(String configured, String fallback) {
        var address = configured.isBlank() ? fallback : configured.strip();
        if (address.startsWith("http://")) return new GatewayAddress(false, host(address.substring(7)));
        if (address.startsWith("https://")) return new GatewayAddress(true, host(address.substring(8)));
        return new GatewayAddress(true, host(address));
    }

    private static String host(String rest) {
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
