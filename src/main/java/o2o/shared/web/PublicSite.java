package o2o.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where people reach the site, for links that leave it with no request to take the address from (an SMS, an
 * in-app message written by an event listener).
 *
 * @param publicBaseUrl the site's public address, e.g. {@code https://o2o.example.com}
 */
@ConfigurationProperties("o2o.web")
public record PublicSite(@DefaultValue("http://localhost:8080") String publicBaseUrl) {

    /** An absolute link: {@code path} may hold a query and {@code {placeholders}} filled, encoded, from {@code vars}. */
    public String link(String path, Object... vars) {
        return UriComponentsBuilder.fromUriString(publicBaseUrl.replaceAll("/+$", "") + path)
                .buildAndExpand(vars)
                .encode()
                .toUriString();
    }
}
