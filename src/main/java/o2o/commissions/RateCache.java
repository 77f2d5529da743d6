package o2o.commissions;

import o2o.commissions.persistence.RateRows;
import o2o.shared.PerNode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every rate, kept in memory so that a paid order heard on the checkout's path costs a merchant no rate applies to
 * nothing but a look-up. This node reloads them when one changes here and every few seconds for changes made on
 * other nodes; the drain reads the rates afresh for each batch, so a stale copy only decides what is written down.
 */
@Component
class RateCache {

    private final RateRows rows;
    private volatile RateCard card = RateCard.EMPTY;

    RateCache(RateRows rows) {
        this.rows = rows;
    }

    RateCard card() {
        return card;
    }

    @Scheduled(fixedDelayString = "${o2o.commissions.rate-refresh:10s}")
    @PerNode("a copy of the rates in this node's memory: each node reloads its own")
    void refresh() {
        card = new RateCard(rows.all().stream().map(CommissionRates::rate).toList());
    }
}
