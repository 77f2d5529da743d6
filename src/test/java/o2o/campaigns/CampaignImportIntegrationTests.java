package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import o2o.orders.Channel;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.testing.ApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk history goes through the projection's own rule: the latest scan whose window covers the order wins, a scan
 * outside its window or an anonymous one attributes nothing, another merchant's code is not this merchant's scan,
 * and importing the same history again adds nothing.
 */
class CampaignImportIntegrationTests extends ApiTest {

    private static final Instant NOW = Instant.parse("2027-05-20T04:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignImport imports;

    @Test
    void pastOrdersAreAttributedByTheLatestScanWhoseWindowCoversThem() {
        var w = new AttributionWorld(api, fixtures, jdbc, "历史导入");
        var week = w.campaign("一周海报", 7);
        var weekCode = UUID.fromString(w.poster(week).text("id"));
        var later = w.campaign("后来的推文", 7);
        var laterCode = UUID.fromString(w.poster(later).text("id"));
        var other = new AttributionWorld(api, fixtures, jdbc, "别家导入");
        var othersCode = UUID.fromString(other.poster(other.campaign("别家海报", 7)).text("id"));
        var merchant = new MerchantId(w.merchant.id());

        var inWindow = customer();
        var outOfWindow = customer();
        var twice = customer();
        var onlyElsewhere = customer();
        var scans = List.of(
                scan(weekCode, inWindow, NOW.minus(Duration.ofDays(3))),
                scan(weekCode, outOfWindow, NOW.minus(Duration.ofDays(8))),
                scan(weekCode, twice, NOW.minus(Duration.ofDays(2))),
                scan(laterCode, twice, NOW.minus(Duration.ofDays(1))),
                scan(weekCode, null, NOW.minus(Duration.ofHours(1))),
                scan(othersCode, onlyElsewhere, NOW.minus(Duration.ofHours(2))));
        assertThat(imports.importScans(merchant, scans)).as("the other merchant's code is skipped").isEqualTo(5);
        assertThat(imports.importScans(merchant, scans)).as("the same scans again").isZero();

        var orders = new ArrayList<PastOrder>();
        for (var customer : List.of(inWindow, outOfWindow, twice, onlyElsewhere)) orders.add(order(customer));
        assertThat(imports.attributeOrders(merchant, orders)).isEqualTo(4);

        assertThat(campaignOf(orders.get(0))).isEqualTo(UUID.fromString(week));
        assertThat(campaignOf(orders.get(1))).as("scanned 8 days before, a 7-day window").isNull();
        assertThat(campaignOf(orders.get(2))).as("the latest of two scans").isEqualTo(UUID.fromString(later));
        assertThat(campaignOf(orders.get(3))).as("only another merchant's code").isNull();
        assertThat(rule(orders.get(0))).isEqualTo("SCAN");
        assertThat(rule(orders.get(1))).isEqualTo("ORGANIC");

        assertThat(imports.attributeOrders(merchant, orders)).as("the same orders again").isZero();
        assertThat(jdbc.sql("select count(*) from attribution where merchant_id = :m and kind = 'ORDER'")
                .param("m", merchant.value()).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from campaign_scan where merchant_id = :m")
                .param("m", merchant.value()).query(Long.class).single()).isEqualTo(5);
    }

    private static CustomerId customer() {
        return new CustomerId(UUID.randomUUID());
    }

    private static PastScan scan(UUID code, @Nullable CustomerId customer, Instant at) {
        return new PastScan(UUID.randomUUID(), code, at, UUID.randomUUID(), customer, Device.WECHAT);
    }

    private static PastOrder order(CustomerId customer) {
        return new PastOrder(new OrderId(UUID.randomUUID()), customer, Channel.DEAL, null, Money.cny(9900),
                Money.cny(0), NOW);
    }

    private UUID campaignOf(PastOrder order) {
        return jdbc.sql("select campaign_id from attribution where kind = 'ORDER' and fact_id = :f")
                .param("f", order.order().value().toString()).query(UUID.class).optional().orElse(null);
    }

    private String rule(PastOrder order) {
        return jdbc.sql("select rule from attribution where kind = 'ORDER' and fact_id = :f")
                .param("f", order.order().value().toString()).query(String.class).single();
    }
}
