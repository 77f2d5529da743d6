/**
 * A mall's events on its plaza: the mall operator creates, edits and cancels them (a place in the mall, a start and
 * an end, a capacity, a price — zero for free — and a sign-up deadline); customers sign up once each, a seat taken in
 * one conditional statement (never oversold), a paid seat held by an EVENT order until it is paid and given back when
 * the order is cancelled unpaid, refunded when the mall cancels the event; a reminder before the start, sent once;
 * check-in at the door by the sign-up's signed QR code, once; and attendance and the purchases at the mall's tenants
 * that followed, through the event's own campaign of the mall's merchant (a check-in is a scan of its tracking code
 * bound to the attendee, so the campaigns module attributes what they buy in its window, at any tenant of the group).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "malls", "orders", "notifications", "campaigns"})
@NullMarked
package o2o.mallevents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
