/**
 * Member profiles: what each customer bought at a merchant (recency, frequency and net spend over 90 days, 365 days
 * and lifetime, preferred stores, top items and menu categories, channels, average ticket), their RFM scores and
 * named group, and the merchant's tags on them. Kept from paid orders, refunds and new members by a projection fed in batches, like the
 * dashboards; tier, points and stored value are asked of loyalty and the wallet, and the first campaign that brought
 * the member of the campaigns, when a profile is read. Segments are
 * rules over those facts and tags, compiled to one query, whose membership follows the facts as they change and the
 * passing of time member by member.
 * <p>
 * Scopes: every fact counts in its merchant's profile of the customer and, when the merchant collects in a group
 * points program (a mall), also in the group's profile, whose rows are keyed (in the same tables, in the
 * {@code merchant_id} column) by a name-based UUID made from the program owner's id ({@code ProfileScopes}). The drain
 * asks loyalty for the batch's merchants' group owners once per batch. A group program's owner reads, tags and
 * segments its program's members over the group scope; a tenant reads only its own scope; no one else reads either.
 * <p>
 * Birthdays: segments filter on the month of a member's birthday and the days to the next one, over the module's own
 * copy ({@code profile_birthday}, month and day only), kept from identity's {@code BirthdaySet} event and, for a
 * customer the drain meets with no copy yet, read from identity once per batch.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "orders", "loyalty", "wallet", "merchants", "catalog",
        "campaigns"})
@NullMarked
package o2o.profiles;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
