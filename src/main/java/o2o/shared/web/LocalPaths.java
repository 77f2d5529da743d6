package o2o.shared.web;

/** Addresses taken from a query string to send someone back to: only a path on this site, never another host. */
public final class LocalPaths {

    private LocalPaths() {}

    /** True for {@code /me/orders/1}; false for {@code //evil}, {@code /\evil}, {@code https://evil} and the like. */
    public static boolean isLocal(String url) {
        return url.startsWith("/") && !url.startsWith("//") && !url.contains("\\");
    }

    public static String orElse(String url, String fallback) {
        return isLocal(url) ? url : fallback;
    }
}
