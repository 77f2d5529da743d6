package o2o.coupons.web;

import o2o.coupons.CouponTemplate;
import org.jspecify.annotations.Nullable;

/** One coupon on the store page, as it stands after the customer claimed it. */
record Offer(CouponTemplate template, boolean held, @Nullable String problem) {}
