package o2o.wallet;

import o2o.shared.Problem;
import o2o.wallet.persistence.RefundWindow;
import org.springframework.http.HttpStatus;

/**
 * What a principal refund pays back: the principal left, as far as it was topped up within the refund window and not
 * refunded since; and the bonus forfeited with it, in the proportion those top-ups brought bonus.
 */
record PrincipalPayback(long principal, long bonusForfeited) {

    static PrincipalPayback of(long principalBalance, long bonusBalance, RefundWindow window, int withinDays) {
        long refund = Math.min(principalBalance, window.principalToppedUp() - window.principalRefunded());
        if (refund <= 0) {
            throw new Problem(HttpStatus.CONFLICT, "nothing-to-refund",
                    "no principal topped up within the last " + withinDays + " days is left");
        }
        long forfeit = Math.min(bonusBalance, refund * window.bonusToppedUp() / window.principalToppedUp());
        return new PrincipalPayback(refund, forfeit);
    }
}
