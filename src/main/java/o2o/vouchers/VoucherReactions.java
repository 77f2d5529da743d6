package o2o.vouchers;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.orders.OrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Vouchers appear when a deal's order is paid, and lapse when they run out. Only DEAL orders carry a deal's units: the
 * condition is checked before the publication is recorded, so other paid orders cost this listener nothing.
 */
@Component
class VoucherReactions {

    private final VoucherIssuing issuing;
    private final Vouchers vouchers;

    VoucherReactions(VoucherIssuing issuing, Vouchers vouchers) {
        this.issuing = issuing;
        this.vouchers = vouchers;
    }

    @ApplicationModuleListener(condition = "#paid.channel().name() == 'DEAL'")
    void on(OrderPaid paid) {
        issuing.issueFor(paid);
    }

    @Scheduled(fixedDelayString = "${o2o.vouchers.expiry-interval:60s}")
    @SchedulerLock(name = "vouchers.expire", lockAtLeastFor = "PT0.2S", lockAtMostFor = "PT10M")
    public void expire() {
        while (vouchers.expireDue(200) == 200) {
            // a full batch: there may be more due
        }
    }
}
