package o2o.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import o2o.shared.MerchantId;
import o2o.shared.StoreId;
import o2o.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A table QR's {@code ?src=} is a tracking code: the merchant's own counts as its scan and the visit is its campaign's. */
class TableVisitAttributionIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Attributing attributing;

    private String tableCode(AttributionWorld w) {
        var owner = w.merchant.ownerToken();
        var area = api.post("/api/v1/merchant/stores/" + w.store + "/areas", Map.of("name", "大厅"), owner);
        assertThat(area.status()).as(area.raw()).isEqualTo(201);
        var table = api.post("/api/v1/merchant/stores/" + w.store + "/tables",
                Map.of("label", "A1", "seats", 4, "areaId", area.text("id")), owner);
        assertThat(table.status()).as(table.raw()).isEqualTo(201);
        return table.text("code");
    }

    private long scansOf(String code) {
        return jdbc.sql("select count(*) from campaign_scan s join tracking_code c on c.id = s.code_id "
                + "where c.code = :code").param("code", code).query(Long.class).single();
    }

    @Test
    void aTableQrCarryingTheMerchantsTrackingCodeIsAScanOfItAndAVisitOfItsCampaign() {
        var w = new AttributionWorld(api, fixtures, jdbc, "桌码归因");
        var campaign = w.campaign("桌贴活动", 7);
        var code = w.poster(campaign);
        var table = tableCode(w);

        assertThat(api.get("/t/" + table + "?src=" + code.text("code")).status()).isEqualTo(302);

        var visit = w.awaitOnly("TABLE_VISIT");
        assertThat(visit.rule()).isEqualTo("TABLE_CODE");
        assertThat(visit.campaign()).isEqualTo(UUID.fromString(campaign));
        assertThat(visit.code()).isEqualTo(UUID.fromString(code.text("id")));
        assertThat(visit.store()).isEqualTo(w.store);
        assertThat(scansOf(code.text("code"))).isEqualTo(1);

        attributing.tableVisit(UUID.fromString(visit.factId()), new MerchantId(w.merchant.id()),
                new StoreId(w.store), code.text("code"), null, "diner", java.time.Instant.now());
        assertThat(w.rows("TABLE_VISIT", visit.factId())).as("a redelivered visit counts once").hasSize(1);
        assertThat(scansOf(code.text("code"))).as("and scans once").isEqualTo(1);
    }

    @Test
    void anotherMerchantsTrackingCodeOnATableQrIsAnOrganicVisitAndNoScanOfIt() {
        var ours = new AttributionWorld(api, fixtures, jdbc, "桌码本店");
        var theirs = new AttributionWorld(api, fixtures, jdbc, "桌码别家");
        var theirCode = theirs.poster(theirs.campaign("别家桌贴", 7)).text("code");
        var table = tableCode(ours);

        assertThat(api.get("/t/" + table + "?src=" + theirCode).status()).isEqualTo(302);
        assertThat(api.get("/t/" + table + "?src=NOSUCHCODE").status()).isEqualTo(302);

        var visits = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select rule from attribution where merchant_id = :m and kind = 'TABLE_VISIT'")
                        .param("m", ours.merchant.id()).query(String.class).list(), rules -> rules.size() == 2);
        assertThat(visits).containsOnly("ORGANIC");
        assertThat(scansOf(theirCode)).isZero();
    }
}
