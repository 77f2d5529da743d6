package o2o.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import o2o.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A preview over a merchant of 100,000 members answers within 300 ms, the slowest of 40 included. */
class SegmentPreviewSpeedIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPreviewOverAHundredThousandMembersAnswersWithin300Ms() {
        var merchant = fixtures.approvedMerchant("分群十万");
        jdbc.sql("""
                        insert into profile_fact (merchant_id, customer_id, last_visit_at, visits, visits_90, visits_365,
                                                  spend, spend_90, spend_365, r_score, f_score, m_score, rfm_group)
                        select :m, gen_random_uuid(), now() - (i % 400) * interval '1 day', i % 30, i % 5, i % 12,
                               (i * 37) % 90000, (i * 11) % 20000, (i * 23) % 50000, 1 + i % 5, 1 + (i / 5) % 5,
                               1 + (i / 25) % 5, (array['CHAMPIONS','LOYAL','AT_RISK','NEW','POTENTIAL','HIBERNATING'])[1 + i % 6]
                        from generate_series(1, 100000) as i
                        """).param("m", merchant.id()).update();
        jdbc.sql("""
                        insert into profile_item (merchant_id, customer_id, title, quantity, amount)
                        select merchant_id, customer_id, '小笼包', 1, 1800 from profile_fact
                        where merchant_id = :m and spend % 7 = 0
                        """).param("m", merchant.id()).update();
        jdbc.sql("analyze profile_fact").update();
        jdbc.sql("analyze profile_item").update();
        var rule = Map.of("all", List.of(Map.of("field", "daysSinceLastVisit", "op", "gte", "value", 60),
                Map.of("field", "spend", "op", "gt", "value", 20_000),
                Map.of("any", List.of(Map.of("field", "item", "op", "has", "value", "小笼包"),
                        Map.of("field", "group", "op", "in", "value", List.of("AT_RISK", "HIBERNATING"))))));
        for (int i = 0; i < 5; i++) api.post("/api/v1/merchant/segments/preview", Map.of("rule", rule),
                merchant.ownerToken());
        var times = new ArrayList<Long>();
        long count = -1;
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            var preview = api.post("/api/v1/merchant/segments/preview", Map.of("rule", rule), merchant.ownerToken());
            times.add((System.nanoTime() - start) / 1_000_000);
            assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
            count = preview.body().path("count").asLong();
        }
        assertThat(count).isPositive().isLessThan(100_000);
        assertThat(times.stream().mapToLong(Long::longValue).max().orElseThrow()).as("ms, %s", times)
                .isLessThanOrEqualTo(300);
    }
}
