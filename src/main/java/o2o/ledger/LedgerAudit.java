package o2o.ledger;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reconciles the ledger every night and says so loudly when a balance disagrees with its journal. */
@Component
class LedgerAudit {

    private static final Logger log = LoggerFactory.getLogger(LedgerAudit.class);

    private final Ledger ledger;

    LedgerAudit(Ledger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(cron = "${o2o.ledger.reconcile-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "ledger.reconcile", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
    public void reconcile() {
        var result = ledger.reconcile();
        if (result.clean()) {
            log.info("Ledger reconciled: {} accounts, {} entries, {} postings, clean, {} ms", result.accounts(),
                    result.entries(), result.postings(), result.tookMillis());
        } else {
            log.error("Ledger reconciliation found {} balance differences and {} unbalanced entries: {} {}",
                    result.differences().size(), result.unbalancedEntries().size(), result.differences(),
                    result.unbalancedEntries());
        }
    }
}
