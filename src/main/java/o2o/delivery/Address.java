package o2o.delivery;

import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import o2o.shared.PhoneNumber;

/**
 * An address in a customer's book: a label (家, 公司), who to ask for and their phone, the address as written, and its
 * coordinates (from the browser's location or a point picked on the page): the coordinates decide the zone.
 */
public record Address(UUID id, CustomerId customerId, String label, String contact, String phone, String address,
        GeoPoint point) {

    public Address {
        label = label.strip();
        contact = contact.strip();
        address = address.strip();
        if (label.isEmpty() || label.length() > 20) throw new InvalidInput("label", "1 to 20 characters");
        if (contact.isEmpty() || contact.length() > 40) throw new InvalidInput("contact", "1 to 40 characters");
        if (address.isEmpty() || address.length() > 200) throw new InvalidInput("address", "1 to 200 characters");
        phone = PhoneNumber.parse(phone).value();
    }

    public Delivery.Destination destination() {
        return new Delivery.Destination(contact, phone, address, point);
    }
}
