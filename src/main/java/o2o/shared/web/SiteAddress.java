package o2o.shared.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The site's address for a link printed on paper (a QR code): the configured one, else the current request's. */
public final class SiteAddress {

    private SiteAddress() {}

    /** {@code configured} without trailing slashes, or, when it is blank, the address this request came in on. */
    public static String base(String configured) {
        return configured.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : configured.replaceAll("/+$", "");
    }
}
