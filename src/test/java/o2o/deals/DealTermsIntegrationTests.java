package o2o.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import o2o.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A deal's terms are read once and remembered (they never change); its stock and whether it sells are not. */
class DealTermsIntegrationTests extends ApiTest {

    @Autowired
    Deals deals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void termsAreRememberedWhileStockAndSellingAreReadEveryTime() {
        var merchant = fixtures.approvedMerchant("条款商户");
        var store = fixtures.store(merchant, "条款店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 5000, 10, false, "ANYTIME");
        var title = deals.terms(deal).orElseThrow().title();

        // what no code path does: only a remembered copy can still answer the old title now
        jdbc.sql("update deal set title = 'changed in the database', stock_left = 3, active = false where id = :id")
                .param("id", deal).update();

        assertThat(deals.terms(deal).orElseThrow().title()).isEqualTo(title);
        var fresh = deals.find(deal).orElseThrow();
        assertThat(fresh.terms().title()).isEqualTo("changed in the database");
        assertThat(fresh.stockLeft()).isEqualTo(3);
        assertThat(fresh.active()).isFalse();
    }

    @Test
    void anUnknownDealHasNoTerms() {
        assertThat(deals.terms(UUID.randomUUID())).isEmpty();
    }
}
