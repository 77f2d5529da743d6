package o2o.campaigns.web;

import o2o.shared.web.SiteAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The absolute short link a QR poster prints: the site's address as phones reach it, from the same setting as the
 * table QR codes ({@code o2o.dining.public-url}; empty: the address the request came in on), and {@code /c/{code}}.
 */
@Component
class ShortLinks {

    private final String publicUrl;

    ShortLinks(@Value("${o2o.dining.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl;
    }

    String of(String code) {
        return UriComponentsBuilder.fromUriString(SiteAddress.base(publicUrl)).path("/c/{code}").buildAndExpand(code).toUriString();
    }
}
