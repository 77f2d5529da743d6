package o2o.parking;

import java.time.Clock;
import java.util.List;

import o2o.identity.StaffPrincipal;
import o2o.loyalty.Tier;
import o2o.loyalty.Tiers;
import o2o.malls.Mall;
import o2o.malls.MallId;
import o2o.malls.Malls;
import o2o.parking.persistence.RuleRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each mall's parking rules, read by the car park's fees and set by the mall operator. */
@Service
public class FeeRules {

    private final RuleRows rows;
    private final Malls malls;
    private final Tiers tiers;
    private final Clock clock;

    FeeRules(RuleRows rows, Malls malls, Tiers tiers, Clock clock) {
        this.rows = rows;
        this.malls = malls;
        this.tiers = tiers;
        this.clock = clock;
    }

    /** The mall's rules; the defaults until its operator sets some. */
    @Transactional(readOnly = true)
    public ParkingRules of(MallId mall) {
        return rows.of(mall).orElse(ParkingRules.DEFAULT);
    }

    /** The rules of the mall this staff member runs (its owners and managers only). */
    @Transactional(readOnly = true)
    public ParkingRules rulesFor(StaffPrincipal staff) {
        return of(malls.operatedBy(staff).id());
    }

    @Transactional
    public ParkingRules change(StaffPrincipal staff, ParkingRules rules) {
        var mall = malls.operatedBy(staff);
        rows.save(mall.id(), rules, clock.instant());
        return of(mall.id());
    }

    /** The tiers of the mall's points program, lowest first, to give free hours to. */
    @Transactional(readOnly = true)
    public List<Tier> tiersOf(Mall mall) {
        return tiers.rules(mall.programId()).levels();
    }
}
