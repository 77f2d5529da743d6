package o2o.campaigns;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What a scan came from, as far as its User-Agent tells: the in-app browsers first, then the system. */
public enum Device {
    WECHAT, ALIPAY, IOS, ANDROID, DESKTOP, OTHER;

    public static Device of(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return OTHER;
        var ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("micromessenger")) return WECHAT;
        if (ua.contains("alipayclient")) return ALIPAY;
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) return IOS;
        if (ua.contains("android")) return ANDROID;
        if (ua.contains("windows") || ua.contains("macintosh") || ua.contains("x11") || ua.contains("cros")) {
            return DESKTOP;
        }
        return OTHER;
    }
}
