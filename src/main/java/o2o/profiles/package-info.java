/**
 * Member profiles: what each customer bought at a merchant (recency, frequency and net spend over 90 days, 365 days
 * and lifetime, preferred stores, top items, channels, average ticket), their RFM scores and named group, and the
 * merchant's tags on them. Kept from paid orders, refunds and new members by a projection fed in batches, like the
 * dashboards; tier, points and stored value are asked of loyalty and the wallet when a profile is read. Segments are
 * rules over those facts and tags, compiled to one query, whose membership follows the facts as they change and the
 * passing of time member by member.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "orders", "loyalty", "wallet", "merchants"})
@NullMarked
package o2o.profiles;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
