/**
 * Campaigns and their tracking codes: a merchant's campaign (name, goal, period, media cost, attribution window) and
 * any number of tracking codes, each naming a channel and optionally a store and a staff member, printed as QR
 * posters. A code's short link {@code /c/{code}} records the scan (time, device, the anonymous visitor, the customer
 * when signed in) and lands on the code's target page. Scans are kept findable by merchant and visitor, and by
 * merchant and customer, and bound to the customer a visitor signs in as. Each paid order, refund, redemption, new
 * membership and table visit is attributed once, from its event, to the campaign of a coupon it used (a campaign owns
 * coupon templates), else of the table QR's tracking code, else of the customer's latest scan within the campaign's
 * window, else to none (organic); each campaign's results are read from that projection.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "deals", "coupons", "orders",
        "vouchers", "loyalty", "dining"})
@NullMarked
package o2o.campaigns;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
