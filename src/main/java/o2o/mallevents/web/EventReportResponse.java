package o2o.mallevents.web;

import java.util.List;

import o2o.mallevents.EventReport;
import o2o.shared.Money;

/**
 * An event for its mall operator: the sign-ups, who came, and what its campaign attributed after the check-ins —
 * orders at the mall's tenants (and the mall itself) and their net revenue.
 */
record EventReportResponse(EventResponse event, long signedUp, long confirmed, long awaitingPayment,
        long checkedIn, long purchasesAfterCheckIn, Money revenueAttributed, List<SignUpResponse> signUps) {

    static EventReportResponse of(EventReport r) {
        return new EventReportResponse(EventResponse.of(r.event()), r.holding(), r.confirmed(), r.pending(),
                r.checkedIn(), r.followOn().orders(), r.revenueAttributed(),
                r.signUps().stream().map(SignUpResponse::of).toList());
    }
}
