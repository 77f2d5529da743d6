package o2o.coupons;

import o2o.shared.Problem;
import org.springframework.http.HttpStatus;

/** Why a coupon cannot be claimed, given or applied, as the problems the API answers with. */
final class CouponRefusals {

    private CouponRefusals() {}

    static Problem notClaimable(String detail) {
        return new Problem(HttpStatus.CONFLICT, "coupon-not-claimable", detail);
    }

    static Problem limitReached() {
        return new Problem(HttpStatus.CONFLICT, "coupon-limit-reached", "you already hold as many as allowed");
    }

    static Problem soldOut(String detail) {
        return new Problem(HttpStatus.CONFLICT, "coupon-sold-out", detail);
    }

    static Problem notApplicable(String detail) {
        return new Problem(HttpStatus.CONFLICT, "coupon-not-applicable", detail);
    }
}
