/**
 * Campaigns that reach members themselves. A targeted send gives a segment's members a coupon, bonus points or a
 * stored-value gift and/or an SMS or in-app message, now or at a set time; a journey does the same for each member
 * an event or the passing of time brings (welcome, win-back, birthday, points about to expire, a review request).
 * Each member is taken in once per campaign and occurrence, even when a send is retried or runs on two nodes; a
 * deterministic share of them (by a hash of member and campaign) is held out and gets nothing. Marketing messages keep
 * the merchant's frequency cap, the member's opt-out (the unsubscribe link in every one) and the quiet hours. Results
 * compare what treated and held-out members bought since they were taken in: the uplift with its 95 % confidence
 * interval, incremental revenue and ROI next to the attributed ones.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "campaigns", "profiles", "coupons",
        "loyalty", "wallet", "notifications", "orders", "vouchers"})
@NullMarked
package o2o.outreach;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
