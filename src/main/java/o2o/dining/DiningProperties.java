package o2o.dining;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl the site's address as diners' phones reach it, put into table QR codes (e.g.
 *                  {@code https://o2o.example.com}); empty uses the address the request for the QR came in on
 */
@ConfigurationProperties("o2o.dining")
public record DiningProperties(@DefaultValue("") String publicUrl) {}
