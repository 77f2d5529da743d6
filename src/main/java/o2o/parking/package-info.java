/**
 * Parking at a mall: members register their cars' plates; the car park, through a POS key of the mall's building,
 * reports entries and exits (each once per plate and the car park's entry id); the fee is worked out from the mall's
 * rules (free minutes, price per started hour, a cap per local day) less free hours for the member's tier and for what
 * they spent at the mall's tenants that day; the member pays it with the mall's points before leaving, once per stay.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "malls", "loyalty", "orders"})
@NullMarked
package o2o.parking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
