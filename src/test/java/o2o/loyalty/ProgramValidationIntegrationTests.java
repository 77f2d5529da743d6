package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Bad rules, tiers and report periods get a 400 naming the field, and change nothing. */
class ProgramValidationIntegrationTests extends LoyaltyTest {

    @Test
    void badEarnRulesAreRejectedWithTheFieldNamedAndChangeNothing() {
        var merchant = fixtures.approvedMerchant("校验规则");
        var good = rules("好规则", 2, Map.of("DINE_IN", 3), List.of(), "MONTHS:6");
        putRules(merchant, good);
        var before = api.get("/api/v1/merchant/points-program", merchant.ownerToken()).body();
        var event = Map.<String, Object>of("from", "2026-06-02T00:00:00Z", "to", "2026-06-01T00:00:00Z",
                "multiplierPercent", 200);
        Map<String, Map<String, Object>> bad = Map.of(
                "pointsPerYuan", with(good, "pointsPerYuan", -1),
                "name", with(good, "name", " "),
                "channelRates", with(good, "channelRates", Map.of("TELEPORT", 2)),
                "channelRates.POS", with(good, "channelRates", Map.of("POS", 5000)),
                "bonusEvents[0].to", with(good, "bonusEvents", List.of(event)),
                "bonusEvents[0].multiplierPercent", with(good, "bonusEvents", List.of(Map.of(
                        "from", "2026-06-01T00:00:00Z", "to", "2026-06-02T00:00:00Z", "multiplierPercent", 50))),
                "bonusEvents[0].channel", with(good, "bonusEvents", List.of(Map.of(
                        "from", "2026-06-01T00:00:00Z", "to", "2026-06-02T00:00:00Z", "multiplierPercent", 200,
                        "channel", "MARS"))),
                "expiryPolicy", with(good, "expiryPolicy", "WEEKS:3"));
        bad.forEach((field, body) -> {
            var response = api.put("/api/v1/merchant/points-program", body, merchant.ownerToken());
            assertThat(response.status()).as(field + ": " + response.raw()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("field").asString()).isEqualTo(field);
        });
        var months = api.put("/api/v1/merchant/points-program", with(good, "expiryPolicy", "MONTHS:0"),
                merchant.ownerToken());
        assertThat(months.status()).isEqualTo(400);
        var missing = api.put("/api/v1/merchant/points-program", Map.of("name", "缺比例"), merchant.ownerToken());
        assertThat(missing.status()).isEqualTo(400);
        var garbled = api.send("PUT", "/api/v1/merchant/points-program", "not json", merchant.ownerToken());
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/merchant/points-program", merchant.ownerToken()).body()).isEqualTo(before);
    }

    @Test
    void badTiersAreRejectedWithTheFieldNamedAndChangeNothing() {
        var merchant = fixtures.approvedMerchant("校验等级");
        putTiers(merchant, "POINTS", null, List.of(level("银卡", 100, 5, 100)));
        var before = api.get("/api/v1/merchant/tiers", merchant.ownerToken()).body();
        Map<String, Map<String, Object>> bad = Map.of(
                "basis", tiers("VIBES", null, List.of(level("银卡", 100, 5, 100))),
                "periodDays", tiers("POINTS", 0, List.of(level("银卡", 100, 5, 100))),
                "levels[1].threshold", tiers("POINTS", null, List.of(level("银卡", 100, 5, 100), level("金卡", 50, 5, 100))),
                "levels[1].name", tiers("POINTS", null, List.of(level("银卡", 100, 5, 100), level("银卡", 500, 5, 100))),
                "levels[0].discountPercent", tiers("POINTS", null, List.of(level("银卡", 100, 101, 100))),
                "levels[0].pointsMultiplierPercent", tiers("POINTS", null, List.of(level("银卡", 100, 5, 99))),
                "levels[0].threshold", tiers("POINTS", null, List.of(level("银卡", -1, 5, 100))));
        bad.forEach((field, body) -> {
            var response = api.put("/api/v1/merchant/tiers", body, merchant.ownerToken());
            assertThat(response.status()).as(field + ": " + response.raw()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("field").asString()).isEqualTo(field);
        });
        assertThat(api.get("/api/v1/merchant/tiers", merchant.ownerToken()).body()).isEqualTo(before);
    }

    @Test
    void aSettlementNeedsAPeriodThatMakesSense() {
        var merchant = fixtures.approvedMerchant("校验结算");
        for (var query : List.of("", "?from=2026-01-01", "?from=yesterday&to=2026-01-01", "?from=2026-02-01&to=2026-01-01")) {
            var response = api.get("/api/v1/merchant/points-program/settlement" + query, merchant.ownerToken());
            assertThat(response.status()).as(query + ": " + response.raw()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/merchant/points-program/settlement?from=2026-01-01&to=2026-01-01",
                merchant.ownerToken()).status()).as("one whole day").isEqualTo(200);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        var changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, Object> tiers(String basis, Integer periodDays, List<Map<String, Object>> levels) {
        var body = new HashMap<String, Object>();
        body.put("basis", basis);
        body.put("periodDays", periodDays);
        body.put("levels", levels);
        return body;
    }
}
