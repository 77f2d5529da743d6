package o2o.delivery;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.delivery.persistence.AddressRows;
import o2o.identity.CustomerPrincipal;
import o2o.shared.GeoPoint;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's delivery addresses: at most {@link #MOST}; another customer's is "not found". */
@Service
public class AddressBook {

    static final int MOST = 20;

    private final AddressRows rows;
    private final Clock clock;

    AddressBook(AddressRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** An address as the customer writes it. */
    public record Entry(String label, String contact, String phone, String address, GeoPoint point) {}

    @Transactional(readOnly = true)
    public List<Address> of(CustomerPrincipal customer) {
        return rows.of(customer.id());
    }

    @Transactional(readOnly = true)
    public Address get(CustomerPrincipal customer, UUID id) {
        return rows.find(customer.id(), id).orElseThrow(() -> Problem.notFound("address"));
    }

    @Transactional
    public Address add(CustomerPrincipal customer, Entry entry) {
        if (rows.count(customer.id()) >= MOST) throw new InvalidInput("addresses", "at most " + MOST + " addresses");
        var address = new Address(Ids.next(), customer.id(), entry.label(), entry.contact(), entry.phone(),
                entry.address(), entry.point());
        rows.insert(address, clock.instant());
        return address;
    }

    @Transactional
    public Address change(CustomerPrincipal customer, UUID id, Entry entry) {
        var address = new Address(id, customer.id(), entry.label(), entry.contact(), entry.phone(), entry.address(),
                entry.point());
        if (!rows.update(address)) throw Problem.notFound("address");
        return address;
    }

    @Transactional
    public void remove(CustomerPrincipal customer, UUID id) {
        if (!rows.delete(customer.id(), id)) throw Problem.notFound("address");
    }
}
