package o2o.footfall.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import o2o.footfall.DoorBatch;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** A door counter's batch: the entrance and up to 96 intervals of 15 minutes (start on a quarter hour, in, out). */
record DoorCountRequest(@Nullable String entrance, @Nullable List<IntervalRequest> intervals) {

    record IntervalRequest(@Nullable Instant start, @Nullable Integer in, @Nullable Integer out) {}

    DoorBatch batch() {
        if (entrance == null) throw new InvalidInput("entrance", "required");
        if (intervals == null) throw new InvalidInput("intervals", "required");
        var list = new ArrayList<DoorBatch.Interval>();
        for (int i = 0; i < intervals.size(); i++) {
            var interval = intervals.get(i);
            var at = "intervals[" + i + "]";
            if (interval == null) throw new InvalidInput(at, "required");
            if (interval.start() == null) throw new InvalidInput(at + ".start", "required");
            if (interval.in() == null) throw new InvalidInput(at + ".in", "required");
            if (interval.out() == null) throw new InvalidInput(at + ".out", "required");
            list.add(new DoorBatch.Interval(interval.start(), interval.in(), interval.out()));
        }
        return new DoorBatch(entrance, list);
    }
}
