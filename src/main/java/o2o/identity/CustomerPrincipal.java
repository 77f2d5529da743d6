package o2o.identity;

import java.io.Serializable;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.PhoneNumber;

/** A signed-in customer, known by the phone they proved they hold. Serializable: a page session keeps it. */
public record CustomerPrincipal(UUID customerId, PhoneNumber phone) implements Serializable {

    /** The customer, as the ids other modules take. */
    public CustomerId id() {
        return new CustomerId(customerId);
    }
}
