package o2o.tableorders;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who adds to a table's cart or sends a round: a signed-in customer (keyed by their id), an anonymous diner (keyed by
 * the random key kept on their phone, {@code anon:<key>}), or a member of staff ({@code staff:<id>}).
 */
public record Diner(String key, @Nullable UUID customerId) {

    public static Diner customer(UUID customerId) {
        return new Diner(customerId.toString(), customerId);
    }

    public static Diner anonymous(UUID phoneKey) {
        return new Diner("anon:" + phoneKey, null);
    }

    public static Diner staff(UUID staffId) {
        return new Diner("staff:" + staffId, null);
    }
}
