package o2o.profiles;

import java.time.Clock;
import java.time.LocalDate;

import o2o.profiles.persistence.ProfileDetails;
import o2o.profiles.persistence.ProfileRows;
import o2o.profiles.persistence.ProfileRows.MemberKey;
import o2o.profiles.persistence.SegmentRows;
import o2o.shared.CustomerId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merged customer's profile rows become the target's, added to the target's at each merchant, and the target's
 * windows are summed again; moving again finds nothing left to move.
 */
@Component
class ProfileMerges {

    private final ProfileRows rows;
    private final ProfileDetails details;
    private final SegmentRows segmentRows;
    private final SegmentMembership segments;
    private final Clock clock;

    ProfileMerges(ProfileRows rows, ProfileDetails details, SegmentRows segmentRows, SegmentMembership segments,
            Clock clock) {
        this.rows = rows;
        this.segmentRows = segmentRows;
        this.segments = segments;
        this.details = details;
        this.clock = clock;
    }

    @Transactional
    void move(CustomerId source, CustomerId target) {
        var merchants = rows.moveCustomer(source.value(), target.value());
        details.moveCustomer(merchants, source.value(), target.value());
        var moved = merchants.stream().map(m -> new MemberKey(m, target.value())).toList();
        rows.sumWindows(moved, LocalDate.now(clock.withZone(ProfileBatch.ZONE)));
        segmentRows.forget(merchants, source.value());
        segments.reevaluate(moved);
    }
}
