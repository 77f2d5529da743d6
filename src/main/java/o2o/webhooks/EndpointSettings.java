package o2o.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What a merchant sets of an endpoint, checked: an http(s) URL without credentials or fragment, outside this machine
 * and private networks unless loopback is allowed; a short description or none; known event types, sorted, once each.
 */
public record EndpointSettings(String url, @Nullable String description, String[] eventTypes) {

    static EndpointSettings checked(@Nullable String url, @Nullable String description,
            @Nullable Collection<String> types, boolean allowLoopback) {
        var checkedUrl = checkedUrl(url, allowLoopback);
        var checkedTypes = checkedTypes(types);
        return new EndpointSettings(checkedUrl, checkedDescription(description), checkedTypes);
    }

    private static String checkedUrl(@Nullable String raw, boolean allowLoopback) {
        if (raw == null || raw.isBlank()) throw new InvalidInput("url", "required");
        var url = raw.strip();
        if (url.length() > 500) throw new InvalidInput("url", "at most 500 characters");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInput("url", "not a valid URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new InvalidInput("url", "must be http or https");
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new InvalidInput("url", "must name a host");
        if (uri.getRawUserInfo() != null) throw new InvalidInput("url", "must not carry credentials");
        if (uri.getRawFragment() != null) throw new InvalidInput("url", "must not have a fragment");
        if (!allowLoopback && InternalHosts.isInternal(uri.getHost())) {
            throw new InvalidInput("url", "must not point at a loopback, private or link-local address");
        }
        return url;
    }

    private static String[] checkedTypes(@Nullable Collection<String> types) {
        if (types == null || types.isEmpty()) throw new InvalidInput("eventTypes", "choose at least one event type");
        for (var type : types) {
            if (type == null || EventType.byWireName(type).isEmpty()) {
                throw new InvalidInput("eventTypes", "unknown event type: " + type);
            }
        }
        return types.stream().distinct().sorted().toArray(String[]::new);
    }

    private static @Nullable String checkedDescription(@Nullable String raw) {
        if (raw == null || raw.isBlank()) return null;
        var description = raw.strip();
        if (description.length() > 100) throw new InvalidInput("description", "at most 100 characters");
        return description;
    }
}
