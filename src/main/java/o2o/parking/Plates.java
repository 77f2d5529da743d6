package o2o.parking;

import java.time.Clock;
import java.util.List;

import o2o.identity.CustomerPrincipal;
import o2o.parking.persistence.PlateRows;
import o2o.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plates of a customer's cars: at most {@link #MOST}; a plate is one customer's (the first to register it), so the
 * car park's entries show on their phone only.
 */
@Service
public class Plates {

    static final int MOST = 3;

    private final PlateRows rows;
    private final Clock clock;

    Plates(PlateRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Plate> of(CustomerPrincipal customer) {
        return rows.of(customer.id());
    }

    /** Registers a plate; registering one's own plate again changes nothing. */
    @Transactional
    public Plate add(CustomerPrincipal customer, String typed) {
        var plate = Plate.of(typed);
        if (rows.add(customer.id(), plate, MOST, clock.instant())) return plate;
        var owner = rows.owner(plate);
        if (owner.isPresent() && owner.get().equals(customer.id())) return plate;
        if (owner.isPresent()) throw Problem.conflict("plate-taken", "another member registered this plate");
        throw Problem.conflict("parking-plates-full", "at most " + MOST + " plates a member");
    }

    @Transactional
    public void remove(CustomerPrincipal customer, String typed) {
        if (!rows.remove(customer.id(), Plate.of(typed))) throw Problem.notFound("plate");
    }
}
