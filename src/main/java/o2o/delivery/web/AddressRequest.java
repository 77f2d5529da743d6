package o2o.delivery.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.delivery.AddressBook;
import o2o.delivery.Delivery;
import o2o.shared.GeoPoint;

/** An address: a label (家, 公司), who to ask for, their phone, the address as written and its coordinates. */
@Schema(name = "DeliveryAddressRequest")
record AddressRequest(@NotBlank @Size(max = 20) String label, @NotBlank @Size(max = 40) String contact,
        @NotBlank @Size(max = 20) String phone, @NotBlank @Size(max = 200) String address, @NotNull Double lat,
        @NotNull Double lng) {

    AddressBook.Entry entry() {
        return new AddressBook.Entry(label, contact, phone, address, new GeoPoint(lat, lng));
    }

    Delivery.Destination destination() {
        var e = entry();
        return new Delivery.Destination(e.contact(), e.phone(), e.address(), e.point());
    }
}
