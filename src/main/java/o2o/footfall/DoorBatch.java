package o2o.footfall;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import o2o.shared.InvalidInput;

/**
 * What a door counter reports for one entrance: people in and out per 15 minutes, each interval named by its start
 * (on a quarter hour). An interval is reported once it has ended; the whole batch is refused when any interval is
 * wrong, so a counter never has half a batch stored.
 */
public record DoorBatch(String entrance, List<Interval> intervals) {

    public static final Duration INTERVAL = Duration.ofMinutes(15);
    public static final int MAX_INTERVALS = 96;
    /** More people than this through one door in 15 minutes is a broken counter, not a crowd. */
    public static final int MAX_PEOPLE = 100_000;
    /** How far a counter's clock may run ahead of ours. */
    static final Duration SKEW = Duration.ofMinutes(1);

    /** People in and out through the entrance in the 15 minutes from {@code start}. */
    public record Interval(Instant start, int in, int out) {

        public Instant end() {
            return start.plus(INTERVAL);
        }
    }

    public DoorBatch {
        entrance = entrance.strip();
        intervals = List.copyOf(intervals);
    }

    /** The batch if every interval is one a counter can have counted by {@code now}; else the first fault, as 400. */
    public DoorBatch checkedAt(Instant now) {
        if (entrance.isEmpty() || entrance.length() > 40) throw new InvalidInput("entrance", "1 to 40 characters");
        if (intervals.isEmpty() || intervals.size() > MAX_INTERVALS) {
            throw new InvalidInput("intervals", "1 to " + MAX_INTERVALS + " intervals");
        }
        var starts = new HashSet<Instant>();
        for (int i = 0; i < intervals.size(); i++) {
            var interval = intervals.get(i);
            var at = "intervals[" + i + "]";
            if (interval.start().getEpochSecond() % INTERVAL.toSeconds() != 0 || interval.start().getNano() != 0) {
                throw new InvalidInput(at + ".start", "on a quarter hour (:00, :15, :30, :45)");
            }
            if (interval.end().isAfter(now.plus(SKEW))) {
                throw new InvalidInput(at + ".start", "an interval is reported once it has ended");
            }
            if (interval.in() < 0 || interval.in() > MAX_PEOPLE) throw new InvalidInput(at + ".in", "0 to " + MAX_PEOPLE);
            if (interval.out() < 0 || interval.out() > MAX_PEOPLE) {
                throw new InvalidInput(at + ".out", "0 to " + MAX_PEOPLE);
            }
            if (!starts.add(interval.start())) throw new InvalidInput(at + ".start", "each interval once in a batch");
        }
        return this;
    }
}
