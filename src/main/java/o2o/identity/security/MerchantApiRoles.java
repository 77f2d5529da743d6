package o2o.identity.security;

import static o2o.identity.Role.CASHIER;
import static o2o.identity.Role.COURIER;
import static o2o.identity.Role.KITCHEN;
import static o2o.identity.Role.MANAGER;
import static o2o.identity.Role.OWNER;
import static o2o.identity.Role.WAITER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import o2o.identity.Role;
import org.springframework.http.HttpMethod;

/**
 * Which staff role may call which merchant API operation: the README's "Roles" table, in code, checked by the security
 * filter before any body is read or any object looked up. An operation under {@code /api/v1/merchant/} without a rule
 * here is refused to everybody. The services keep their finer checks (which stores, whom a manager may change, the
 * program's owner merchant); the operator has no merchant and no rule.
 */
final class MerchantApiRoles {

    static final String BASE = "/api/v1/merchant";

    /** Every staff member of the merchant. */
    static final Set<Role> STAFF = Role.STAFF;
    static final Set<Role> MANAGING = EnumSet.of(OWNER, MANAGER);
    static final Set<Role> OWNER_ONLY = EnumSet.of(OWNER);
    /** Those who take money and serve members at the counter. */
    static final Set<Role> COUNTER = EnumSet.of(OWNER, MANAGER, CASHIER);
    /** Front of house: tables, bookings, bills, vouchers. */
    static final Set<Role> FLOOR = EnumSet.of(OWNER, MANAGER, CASHIER, WAITER);
    /** Who flips an item's sold-out switch during service: everybody but couriers. */
    static final Set<Role> SERVICE = EnumSet.of(OWNER, MANAGER, CASHIER, WAITER, KITCHEN);
    /** Who sees and moves the kitchen's tickets. */
    static final Set<Role> KITCHEN_DISPLAY = EnumSet.of(OWNER, MANAGER, WAITER, KITCHEN);
    /** Who carries delivery orders. */
    static final Set<Role> COURIER_ONLY = EnumSet.of(COURIER);
    /** Who orders a round for a table. */
    static final Set<Role> WAITING = EnumSet.of(OWNER, MANAGER, WAITER);

    record Rule(HttpMethod method, String path, Set<Role> roles) {

        String[] authorities() {
            return roles.stream().map(Role::name).toArray(String[]::new);
        }
    }

    static final List<Rule> RULES = new Table()
            // identity
            .allow(STAFF, "GET /me")
            .allow(COUNTER, "POST /member-cards", "GET /member-cards", "GET /member-cards/{cardNumber}",
                    "DELETE /member-cards/{cardNumber}")
            // merchants: profile, stores, staff
            .allow(STAFF, "GET /profile", "GET /stores", "GET /stores/{id}")
            .allow(MANAGING, "POST /stores", "PUT /stores/{id}")
            .allow(MANAGING, "GET /staff", "POST /staff", "GET /staff/{id}", "PUT /staff/{id}",
                    "POST /staff/{id}/password", "POST /staff/{id}/disable", "POST /staff/{id}/enable")
            // catalog
            .allow(STAFF, "GET /menu/categories", "GET /menu/items", "GET /menu/items/{itemId}",
                    "GET /stores/{storeId}/menu")
            .allow(MANAGING, "POST /menu/categories", "PUT /menu/categories/{categoryId}", "POST /menu/items",
                    "PUT /menu/items/{itemId}", "POST /menu/items/{itemId}/deactivate",
                    "PUT /stores/{storeId}/menu/items/{itemId}")
            .allow(SERVICE, "PUT /stores/{storeId}/menu/items/{itemId}/sold-out")
            // deals, coupons, vouchers
            .allow(STAFF, "GET /deals", "GET /deals/{id}", "GET /coupons")
            .allow(MANAGING, "POST /deals", "POST /deals/{id}/end", "POST /coupons")
            .allow(FLOOR, "POST /redemptions")
            .allow(MANAGING, "POST /redemptions/{id}/reversal")
            .allow(STAFF, "GET /redemptions")
            // dining: floor plan and tables
            .allow(FLOOR, "GET /stores/{storeId}/areas", "GET /stores/{storeId}/tables/status",
                    "GET /stores/{storeId}/tables", "GET /stores/{storeId}/tables/{tableId}",
                    "POST /tables/{tableId}/session", "DELETE /tables/{tableId}/session",
                    "GET /tables/{tableId}/sessions")
            .allow(MANAGING, "POST /stores/{storeId}/areas", "PUT /stores/{storeId}/areas/{areaId}",
                    "DELETE /stores/{storeId}/areas/{areaId}", "POST /stores/{storeId}/tables",
                    "PUT /stores/{storeId}/tables/{tableId}", "DELETE /stores/{storeId}/tables/{tableId}",
                    "GET /stores/{storeId}/tables/{tableId}/qr.png", "GET /dining/conversions")
            // table orders: kitchen, service, bills
            .allow(KITCHEN_DISPLAY, "GET /stores/{storeId}/kitchen", "POST /stores/{storeId}/round-items/{itemId}/state")
            .allow(FLOOR, "GET /stores/{storeId}/service")
            .allow(WAITING, "POST /tables/{tableId}/rounds")
            .allow(FLOOR, "GET /tables/{tableId}/bill", "POST /tables/{tableId}/bill",
                    "POST /tables/{tableId}/bill/split", "POST /tables/{tableId}/bill/reopen",
                    "POST /tables/{tableId}/bill/counter", "POST /tables/{tableId}/bill/shares/{shareId}/counter")
            // reservations
            .allow(MANAGING, "GET /stores/{storeId}/reservations/settings", "PUT /stores/{storeId}/reservations/settings")
            .allow(FLOOR, "GET /stores/{storeId}/reservations", "GET /stores/{storeId}/reservations/{id}",
                    "POST /stores/{storeId}/reservations/{id}/check-in",
                    "POST /stores/{storeId}/reservations/{id}/no-show", "POST /stores/{storeId}/reservations/{id}/cancel")
            // pick-up
            .allow(STAFF, "GET /stores/{storeId}/pickup-orders", "GET /stores/{storeId}/pickup-orders/{id}",
                    "POST /stores/{storeId}/pickup-orders/{id}/ready", "POST /stores/{storeId}/pickup-orders/{id}/handed-over",
                    "GET /stores/{storeId}/pickup-settings")
            .allow(COUNTER, "POST /stores/{storeId}/pickup-orders/{id}/refund")
            .allow(MANAGING, "PUT /stores/{storeId}/pickup-settings")
            // delivery
            .allow(SERVICE, "GET /stores/{storeId}/delivery-orders", "GET /stores/{storeId}/delivery-orders/{id}",
                    "POST /stores/{storeId}/delivery-orders/{id}/accept",
                    "POST /stores/{storeId}/delivery-orders/{id}/ready", "GET /stores/{storeId}/delivery/dispatch",
                    "GET /stores/{storeId}/delivery/couriers", "GET /stores/{storeId}/delivery/zones",
                    "GET /stores/{storeId}/delivery/settings")
            .allow(MANAGING, "POST /stores/{storeId}/delivery-orders/{id}/assign",
                    "POST /stores/{storeId}/delivery-orders/{id}/cancel", "POST /stores/{storeId}/delivery/zones",
                    "PUT /stores/{storeId}/delivery/zones/{zoneId}", "DELETE /stores/{storeId}/delivery/zones/{zoneId}",
                    "PUT /stores/{storeId}/delivery/settings")
            .allow(MANAGING, "GET /delivery/figures")
            .allow(COURIER_ONLY, "GET /courier/shift", "PUT /courier/shift", "POST /courier/deliveries/{id}/accept",
                    "POST /courier/deliveries/{id}/picked-up", "POST /courier/deliveries/{id}/delivered",
                    "POST /courier/deliveries/{id}/trouble", "POST /courier/deliveries/{id}/returned",
                    "POST /courier/position")
            // loyalty
            .allow(COUNTER, "POST /members", "GET /members/lookup", "POST /points/redemptions")
            .allow(MANAGING, "GET /members", "GET /members/{customerId}")
            .allow(MANAGING, "POST /member-imports", "GET /member-imports", "GET /member-imports/{id}")
            .allow(MANAGING, "GET /points-program", "PUT /points-program", "GET /points-program/redemption",
                    "PUT /points-program/redemption", "GET /points-program/settlement", "GET /tiers", "PUT /tiers")
            .allow(STAFF, "GET /points-mall/items")
            .allow(MANAGING, "POST /points-mall/items", "DELETE /points-mall/items/{id}")
            // wallet
            .allow(COUNTER, "POST /wallet/top-ups", "GET /wallet/balances", "POST /wallet/charges")
            .allow(MANAGING, "POST /wallet/refunds", "PUT /wallet/rules", "PUT /wallet/refund-rules")
            .allow(STAFF, "GET /wallet/rules")
            // payments, POS, webhooks
            .allow(MANAGING, "GET /payment-providers")
            .allow(OWNER_ONLY, "PUT /payment-providers/{provider}", "POST /payment-providers/{provider}/enable",
                    "POST /payment-providers/{provider}/disable")
            .allow(OWNER_ONLY, "POST /stores/{storeId}/pos-keys", "GET /stores/{storeId}/pos-keys",
                    "DELETE /stores/{storeId}/pos-keys/{keyId}")
            .allow(MANAGING, "GET /pos/sales")
            .allow(MANAGING, "POST /webhooks", "GET /webhooks", "GET /webhooks/{id}", "PUT /webhooks/{id}",
                    "DELETE /webhooks/{id}", "POST /webhooks/{id}/secret", "POST /webhooks/{id}/test",
                    "GET /webhooks/{id}/deliveries", "POST /webhooks/{id}/deliveries/{deliveryId}/retry")
            // campaigns
            .allow(MANAGING, "POST /campaigns", "GET /campaigns", "GET /campaigns/{id}",
                    "POST /campaigns/{id}/tracking-codes", "GET /campaigns/{id}/tracking-codes",
                    "GET /campaigns/{id}/tracking-codes/{codeId}", "GET /campaigns/{id}/tracking-codes/{codeId}/qr.png",
                    "POST /campaigns/{id}/coupons", "GET /campaigns/{id}/coupons", "GET /campaigns/{id}/results")
            // insights
            .allow(MANAGING, "GET /dashboard")
            // profiles
            .allow(MANAGING, "GET /members/{customerId}/profile", "POST /members/{customerId}/tags",
                    "DELETE /members/{customerId}/tags")
            .allow(MANAGING, "POST /segments/preview", "POST /segments", "GET /segments", "GET /segments/{id}",
                    "GET /segments/{id}/members")
            // outreach
            .allow(MANAGING, "PUT /campaigns/{id}/outreach", "GET /campaigns/{id}/outreach",
                    "POST /campaigns/{id}/outreach/pause", "POST /campaigns/{id}/outreach/resume",
                    "GET /campaigns/{id}/uplift", "GET /outreach", "GET /outreach/settings",
                    "PUT /outreach/settings")
            // reviews
            .allow(MANAGING, "GET /reviews", "POST /reviews/{id}/reply", "POST /reviews/{id}/resolve")
            // malls (the mall operator: owners and managers of a mall's merchant)
            .allow(MANAGING, "GET /mall", "GET /mall/tenants", "PUT /mall/tenants/{storeId}")
            // commissions
            .allow(MANAGING, "GET /commission/statement", "GET /commission/earnings")
            // the commission a mall takes of its tenants (the mall operator)
            .allow(MANAGING, "GET /mall/commission-rates", "PUT /mall/commission-rates",
                    "DELETE /mall/commission-rates/{rateId}")
            // footfall (the mall operator's dashboard of visitors and tenants' sales)
            .allow(MANAGING, "GET /mall/dashboard")
            // parking (the mall operator's fee rules)
            .allow(MANAGING, "GET /mall/parking/rules", "PUT /mall/parking/rules")
            .allow(MANAGING, "GET /mall/statements", "POST /mall/statements/close", "GET /mall/statements/{id}",
                    "POST /mall/statements/{id}/payout", "GET /mall-statements")
            // mall coupons (issued and funded by the mall, for its tenants)
            .allow(MANAGING, "POST /mall/coupons", "GET /mall/coupons")
            // mall events (the mall operator; check-in at the door by its floor staff)
            .allow(MANAGING, "GET /mall/events", "POST /mall/events", "GET /mall/events/{eventId}",
                    "PUT /mall/events/{eventId}", "POST /mall/events/{eventId}/cancel")
            .allow(FLOOR, "POST /mall/events/{eventId}/check-ins")
            .rules();

    private MerchantApiRoles() {}

    /** Collects rules; a literal path segment must come before a variable one in the same place ({@code /lookup}). */
    private static final class Table {

        private final List<Rule> rules = new ArrayList<>();

        Table allow(Set<Role> roles, String... operations) {
            for (var operation : operations) {
                var parts = operation.split(" ", 2);
                rules.add(new Rule(HttpMethod.valueOf(parts[0]), BASE + parts[1], roles));
            }
            return this;
        }

        List<Rule> rules() {
            return List.copyOf(rules);
        }
    }
}
