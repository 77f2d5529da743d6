package o2o.loyalty;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A member's current tier in a program (null: not reached the first level yet) and how it changed. */
public record MemberTier(@Nullable Tier tier, List<Change> history) {

    /** One change of tier; a null name is "no tier". */
    public record Change(int fromRank, @Nullable String from, int toRank, @Nullable String to, TierChangeReason reason,
            Instant at) {}
}
