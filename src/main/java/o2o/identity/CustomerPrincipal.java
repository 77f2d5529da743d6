package o2o.identity;

import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.PhoneNumber;

/** A signed-in customer, known by the phone they proved they hold. */
public record CustomerPrincipal(UUID customerId, PhoneNumber phone) {

    /** The customer, as the ids other modules take. */
    public CustomerId id() {
        return new CustomerId(customerId);
    }
}
