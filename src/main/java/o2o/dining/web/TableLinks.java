package o2o.dining.web;

import java.util.UUID;

import o2o.dining.DiningProperties;
import o2o.shared.web.SiteAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The addresses a table QR code and a scan lead to. */
@Component
class TableLinks {

    private final DiningProperties properties;

    TableLinks(DiningProperties properties) {
        this.properties = properties;
    }

    /** What the QR on a table encodes: {@code <base>/t/{code}}, with {@code ?src=} when there is a tracking code. */
    String scanUrl(String code, @Nullable String trackingCode) {
        var url = UriComponentsBuilder.fromUriString(SiteAddress.base(properties.publicUrl())).path("/t/{code}");
        if (trackingCode != null) url.queryParam("src", trackingCode);
        return url.buildAndExpand(code).toUriString();
    }

    /** Where a diner orders at this table: the store's menu with the table's shared cart (table ordering's page). */
    static String menu(UUID storeId, String code) {
        return UriComponentsBuilder.fromPath("/t/{code}/order").buildAndExpand(code).toUriString();
    }
}
