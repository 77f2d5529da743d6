package o2o.shared.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.testing.ApiTest;
import o2o.testing.Concurrently;
import o2o.testing.Fixtures;
import o2o.testing.SecondNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the application over one database: this test's application and a {@link SecondNode}. A locked job
 * started on both at the same moment runs on one; a publication whose listener failed is delivered again once it
 * is old enough, by one node, and its listener's effect counts once; one stuck in flight is found stale first.
 */
class OnceAcrossNodesIntegrationTests extends ApiTest {

    private static SecondNode second;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource database;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventRedelivery redelivery;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void startTheSecondNode() {
        if (second == null) second = SecondNode.over(database);
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (second != null) second.close();
        second = null;
    }

    @Test
    void aLockedJobStartedOnTwoNodesAtTheSameMomentRunsOnOneAndAgainOnTheNextTick() throws Exception {
        jdbc.sql("create table if not exists test_tick (id int primary key, runs int not null)").update();
        jdbc.sql("insert into test_tick values (1, 0) on conflict (id) do update set runs = 0").update();
        var here = context.getAutowireCapableBeanFactory().createBean(Tick.class);
        var there = second.create(Tick.class);

        Concurrently.atOnce(List.<Callable<Void>>of(() -> here.run(), () -> there.run()));
        assertThat(runs()).as("runs after both nodes started the job at once").isEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Concurrently.atOnce(List.<Callable<Void>>of(() -> here.run(), () -> there.run()));
            return runs() == 2;
        });
        assertThat(runs()).as("one more run on the next tick, whichever node took it").isEqualTo(2);
    }

    @Test
    void aFailedListenerIsDeliveredAgainOnlyOnceOldEnoughAndByOneNodeWhenBothRunTheJob() throws Exception {
        var failed = failedPointsPosting("一次重投");
        try {
            redelivery.resubmit();
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> entries(failed.reference()) == 0);
            assertThat(status(failed.orderId())).as("a publication younger than the minimum age waits").isEqualTo("FAILED");
            var attempted = attempts(failed.orderId(), "event_publication");

            clock.advance(Duration.ofMinutes(3));
            second.clock().advance(Duration.ofMinutes(3));
            var there = second.bean(EventRedelivery.class);
            Concurrently.atOnce(List.<Callable<Void>>of(() -> {
                redelivery.resubmitOnSchedule();
                return null;
            }, () -> {
                there.resubmitOnSchedule();
                return null;
            }));

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> entries(failed.reference()) == 1);
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> entries(failed.reference()) == 1);
            assertThat(attempts(failed.orderId(), "event_publication_archive")).as("attempts after both nodes ran the job")
                    .isEqualTo(attempted + 1);
            assertThat(points(failed)).isEqualTo(100);
        } finally {
            second.clock().reset();
            removeFault();
        }
    }

    @Test
    void aPublicationStuckInFlightIsFoundStaleAndDeliveredAgain() {
        var failed = failedPointsPosting("卡住重投");
        try {
            // as a node that died while its listener ran leaves it
            jdbc.sql("update event_publication set status = 'PROCESSING' where id = :id")
                    .param("id", publication(failed.orderId())).update();
            var stale = meters.counter("o2o.events.stale", "status", "PROCESSING");
            var before = stale.count();

            redelivery.markStale();
            assertThat(status(failed.orderId())).as("in flight for less than its staleness").isEqualTo("PROCESSING");

            clock.advance(Duration.ofMinutes(11));
            redelivery.markStale();
            assertThat(status(failed.orderId())).isEqualTo("FAILED");
            assertThat(stale.count() - before).as("stale publications counted").isGreaterThanOrEqualTo(1);

            redelivery.resubmit();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> entries(failed.reference()) == 1);
            assertThat(points(failed)).isEqualTo(100);
        } finally {
            removeFault();
        }
    }

    /** A job that counts its runs in a table, locked as the application's jobs are. */
    public static class Tick {

        private final JdbcClient jdbc;

        public Tick(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @SchedulerLock(name = "test.tick", lockAtLeastFor = "PT1S", lockAtMostFor = "PT1M")
        public Void run() throws InterruptedException {
            jdbc.sql("update test_tick set runs = runs + 1 where id = 1").update();
            Thread.sleep(200);
            return null;
        }
    }

    private record FailedPosting(String customer, Fixtures.MerchantFixture merchant, String orderId, String reference) {}

    /**
     * A member's paid order whose points posting failed (a fault injected in the database, as in
     * {@code PointsIntegrationTests}): its publication is left failed, and the fault is lifted.
     */
    private FailedPosting failedPointsPosting(String name) {
        var merchant = fixtures.approvedMerchant(name);
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
        fixtures.pay(customer, orderId, true);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(orderId)));
        jdbc.sql("delete from test_fault where reference = :r").param("r", reference).update();
        return new FailedPosting(customer, merchant, orderId, reference);
    }

    private void removeFault() {
        jdbc.sql("drop trigger if exists test_fault_trigger on ledger_entry").update();
    }

    private static final String POINTS_PUBLICATION = """
            event_type like '%OrderPaid' and serialized_event like :o and listener_id like '%PointsReactions%'
            """;

    private String status(String orderId) {
        return jdbc.sql("select coalesce(status, 'NONE') from event_publication where " + POINTS_PUBLICATION)
                .param("o", "%" + orderId + "%").query(String.class).optional().orElse("COMPLETED");
    }

    private UUID publication(String orderId) {
        return jdbc.sql("select id from event_publication where " + POINTS_PUBLICATION)
                .param("o", "%" + orderId + "%").query(UUID.class).single();
    }

    /** How often the publication was attempted: by the first delivery and each resubmission since. */
    private int attempts(String orderId, String table) {
        return jdbc.sql("select completion_attempts from " + table + " where " + POINTS_PUBLICATION)
                .param("o", "%" + orderId + "%").query(Integer.class).single();
    }

    private long entries(String reference) {
        return jdbc.sql("select count(*) from ledger_entry where reference = :r").param("r", reference)
                .query(Long.class).single();
    }

    private long points(FailedPosting posting) {
        return api.get("/api/v1/me/points?merchantId=" + posting.merchant().id(), posting.customer()).body()
                .path("points").asLong();
    }

    private int runs() {
        return jdbc.sql("select runs from test_tick where id = 1").query(Integer.class).single();
    }
}
