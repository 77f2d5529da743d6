package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import o2o.testing.ApiTest;
import o2o.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

class PointsIntegrationTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aMemberEarnsPointsOnAPaidOrderAndGivesBackTheirShareOnARefund() {
        var merchant = fixtures.approvedMerchant("积分餐厅");
        var store = fixtures.store(merchant, "积分店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 12345, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var joined = api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), customer);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), customer).status())
                .as("joining twice is harmless").isEqualTo(200);
        assertThat(api.get("/api/v1/me/memberships", customer).body().size()).isEqualTo(1);

        var orderId = fixtures.order(customer, deal, 2).text("id");
        fixtures.pay(customer, orderId, true);
        var points = "/api/v1/me/points?merchantId=" + merchant.id();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get(points, customer).body().path("points").asLong() == 246);

        var voucher = fixtures.vouchersOf(customer, 2).get(0).path("id").asString();
        api.post("/api/v1/me/vouchers/" + voucher + "/refund", null, customer);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get(points, customer).body().path("points").asLong() == 123);
        assertThat(api.get(points, customer).body().path("history").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/admin/ledger/reconcile", fixtures.operatorToken()).body().path("differences").size()).isZero();
    }

    @Test
    void aNonMemberEarnsNothingAndAnUnknownMerchantCannotBeJoined() {
        var merchant = fixtures.approvedMerchant("不入会");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 5000, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        var orderId = fixtures.order(customer, deal, 1).text("id");
        fixtures.pay(customer, orderId, true);
        fixtures.vouchersOf(customer, 1);
        assertThat(api.get("/api/v1/me/points?merchantId=" + merchant.id(), customer).body().path("points").asLong()).isZero();
        assertThat(api.post("/api/v1/me/memberships", Map.of("merchantId", UUID.randomUUID()), customer).status()).isEqualTo(404);
    }

    /**
     * A crash between the order's commit and the points posting: the listener fails once (a fault injected in the
     * database), the publication stays incomplete, and resubmitting it posts the points exactly once.
     */
    @Test
    void aFailedPointsPostingIsDeliveredAgainAndPostsExactlyOnce() {
        var merchant = fixtures.approvedMerchant("故障注入");
        var store = fixtures.store(merchant, "店", 31.2, 121.4, "火锅");
        var deal = fixtures.deal(merchant, Set.of(store), 10000, null, false, "ANYTIME");
        var customer = fixtures.customerToken(Fixtures.uniquePhone());
        api.post("/api/v1/me/memberships", Map.of("merchantId", merchant.id()), customer);
        var orderId = fixtures.order(customer, deal, 1).text("id");
        var reference = "order:" + orderId + ":earn";
        jdbc.sql("create table if not exists test_fault (reference text primary key)").update();
        jdbc.sql("""
                create or replace function test_fault_on_entry() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from test_fault where reference = new.reference) then
                        raise exception 'injected fault for %', new.reference;
                    end if;
                    return new;
                end $$""").update();
        jdbc.sql("drop trigger if exists test_fault_trigger on ledger_entry").update();
        jdbc.sql("create trigger test_fault_trigger before insert on ledger_entry for each row execute function test_fault_on_entry()").update();
        jdbc.sql("insert into test_fault (reference) values (:r)").param("r", reference).update();
        try {
            fixtures.pay(customer, orderId, true);
            fixtures.vouchersOf(customer, 1); // the order was paid and vouchers issued: only points failed
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                    select count(*) from event_publication
                    where completion_date is null and event_type like '%OrderPaid' and serialized_event like :o
                    and listener_id like '%PointsReactions%'
                    """).param("o", "%" + orderId + "%").query(Long.class).single() == 1);
            assertThat(entries(reference)).isZero();

            jdbc.sql("delete from test_fault where reference = :r").param("r", reference).update();
            incomplete.resubmitIncompletePublications(publication -> publication.getEvent().toString().contains(orderId));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> entries(reference) == 1);
            incomplete.resubmitIncompletePublications(publication -> publication.getEvent().toString().contains(orderId));
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> entries(reference) == 1);
            assertThat(api.get("/api/v1/me/points?merchantId=" + merchant.id(), customer).body().path("points").asLong())
                    .isEqualTo(100);
        } finally {
            jdbc.sql("drop trigger if exists test_fault_trigger on ledger_entry").update();
        }
    }

    private long entries(String reference) {
        return jdbc.sql("select count(*) from ledger_entry where reference = :r").param("r", reference)
                .query(Long.class).single();
    }
}
