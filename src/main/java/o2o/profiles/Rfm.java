package o2o.profiles;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * RFM scores of a merchant's members: recency (last paid order), frequency (paid orders in 365 days) and monetary
 * (net spend in 365 days), each a quintile 1–5 among the merchant's members, 5 the best. Equal values get the same
 * score: the quintile of the first member with that value, members sorted from worst to best. Members who never
 * bought have no scores.
 */
public record Rfm(int r, int f, int m) {

    /** A member's named group; the rule is {@link #group()}. */
    public enum Group { CHAMPIONS, LOYAL, AT_RISK, NEW, POTENTIAL, HIBERNATING }

    /** What a member's scores are computed from; {@code lastVisitAt} null for one who never bought. */
    public record Member(@Nullable Instant lastVisitAt, long visits365, long spend365) {}

    public Rfm {
        if (r < 1 || r > 5 || f < 1 || f > 5 || m < 1 || m > 5) throw new IllegalArgumentException("scores are 1 to 5");
    }

    /**
     * The first rule that fits: champions buy recently, often and much (R, F and M ≥ 4); loyal buy often and not long
     * ago (R ≥ 3, F ≥ 4); at risk used to buy often and stopped (R ≤ 2, F ≥ 3); new bought recently, rarely (R ≥ 4,
     * F ≤ 2); potential bought not long ago (R ≥ 3); hibernating (lapsed) are the rest: long ago and rarely.
     */
    public Group group() {
        if (r >= 4 && f >= 4 && m >= 4) return Group.CHAMPIONS;
        if (r >= 3 && f >= 4) return Group.LOYAL;
        if (r <= 2 && f >= 3) return Group.AT_RISK;
        if (r >= 4 && f <= 2) return Group.NEW;
        if (r >= 3) return Group.POTENTIAL;
        return Group.HIBERNATING;
    }

    /** Members who joined and never bought are new to the merchant. */
    public static Group groupOf(@Nullable Rfm scores) {
        return scores == null ? Group.NEW : scores.group();
    }

    /** The scores of each member, in the order given; null for those who never bought. */
    public static @Nullable Rfm[] score(List<Member> members) {
        var bought = members.stream().filter(m -> m.lastVisitAt() != null).toList();
        long[] recency = sorted(bought.stream().mapToLong(m -> m.lastVisitAt().toEpochMilli()).toArray());
        long[] frequency = sorted(bought.stream().mapToLong(Member::visits365).toArray());
        long[] monetary = sorted(bought.stream().mapToLong(Member::spend365).toArray());
        var scores = new Rfm[members.size()];
        for (int i = 0; i < members.size(); i++) {
            var member = members.get(i);
            if (member.lastVisitAt() == null) continue;
            scores[i] = new Rfm(quintileIn(recency, member.lastVisitAt().toEpochMilli()),
                    quintileIn(frequency, member.visits365()), quintileIn(monetary, member.spend365()));
        }
        return scores;
    }

    /** 1 + ⌊5 · (how many values are below this one) / n⌋. */
    static int quintile(long[] values, long value) {
        return quintileIn(sorted(values), value);
    }

    private static long[] sorted(long[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static int quintileIn(long[] sorted, long value) {
        int below = lowerBound(sorted, value);
        return 1 + (int) (5L * below / sorted.length);
    }

    private static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
