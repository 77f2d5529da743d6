package o2o.shared.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which peers may tell us the client's address.
 *
 * @param trustedProxies addresses or CIDR ranges (e.g. {@code 10.0.0.0/8}, {@code ::1}) of the reverse proxies in
 *     front of the application; only a request whose socket peer is one of them has its {@code X-Forwarded-For}
 *     read (see {@link ClientAddress}). Empty (the default): the header is ignored.
 */
@ConfigurationProperties("o2o.web")
public record TrustedProxies(@DefaultValue List<String> trustedProxies) {}
