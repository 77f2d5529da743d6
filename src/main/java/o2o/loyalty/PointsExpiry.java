package o2o.loyalty;

import static o2o.shared.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.ledger.AccountKey;
import o2o.ledger.Ledger;
import o2o.ledger.Posting;
import o2o.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points expire by lots: what is left of a lot past its expiry goes from the member to the program's EXPIRED account
 * ({@code lot:<id>:expire}), never more than the member's balance, and the lot is emptied. Each lot is one
 * transaction whose posting locks the member's account, and the lot is emptied only if it still holds what was
 * read ({@code remaining = :seen}); so a second run, or earning and spending at the same time, cannot expire twice.
 */
@Service
public class PointsExpiry {

    private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);
    private static final int BATCH = 500;
    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PointsExpiry(JdbcClient jdbc, Ledger ledger, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The nightly run, on one node. */
    @Scheduled(cron = "${o2o.loyalty.expiry-cron:0 15 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "loyalty.points-expiry", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
    public void expireDueOnSchedule() {
        expireDue();
    }

    /** Expires every lot that is due; returns how many points expired in this run. */
    public long expireDue() {
        var now = clock.instant();
        long expired = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            var due = jdbc.sql("""
                            select id from points_lot where expires_at <= :now and remaining > 0 and id > :after
                            order by id limit :batch
                            """)
                    .param("now", utc(now)).param("after", after).param("batch", BATCH).query(UUID.class).list();
            if (due.isEmpty()) break;
            for (var lot : due) expired += expireWithRetries(lot, now);
            after = due.getLast();
        }
        if (expired > 0) log.info("Points expired: {}", expired);
        return expired;
    }

    private long expireWithRetries(UUID lot, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                var points = transactions.execute(status -> expire(lot, now));
                return points == null ? 0 : points;
            } catch (LotMoved | Problem e) {
                // spent or earned against while we read it: read it again
                if (attempt == ATTEMPTS) {
                    log.warn("Lot {} not expired after {} attempts; the next run takes it", lot, ATTEMPTS);
                    return 0;
                }
            }
        }
    }

    private long expire(UUID lotId, Instant now) {
        var lot = jdbc.sql("""
                        select program_id, merchant_id, customer_id, remaining from points_lot
                        where id = :id and remaining > 0 and expires_at <= :now
                        """)
                .param("id", lotId).param("now", utc(now))
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getLong(4)))
                .optional();
        if (lot.isEmpty()) return 0;
        var due = lot.get();
        var member = ledger.account(Loyalty.memberKey(due.program(), due.customer()), due.merchant(), false);
        long points = Math.min(due.remaining(), member.balance());
        if (points > 0) {
            var entry = ledger.post("lot:" + lotId + ":expire", "积分过期", due.merchant(), List.of(
                    new Posting(member.id(), -points),
                    new Posting(ledger.account(expiredKey(due.program()), null, true).id(), points)));
            if (entry.replayed()) return 0;
        }
        int emptied = jdbc.sql("update points_lot set remaining = 0 where id = :id and remaining = :seen")
                .param("id", lotId).param("seen", due.remaining()).update();
        if (emptied != 1) throw new LotMoved();
        return points;
    }

    static AccountKey expiredKey(UUID program) {
        return new AccountKey("EXPIRED", "program:" + program, "program:" + program, "PTS");
    }


    private record Due(UUID program, UUID merchant, UUID customer, long remaining) {}

    private static final class LotMoved extends RuntimeException {
        LotMoved() {
            super("the lot changed while it was being expired", null, false, false);
        }
    }
}
