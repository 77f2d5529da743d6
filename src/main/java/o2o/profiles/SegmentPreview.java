package o2o.profiles;

import java.util.List;
import java.util.UUID;

/** How many of the merchant's members a rule holds for now, and the first few of them. */
public record SegmentPreview(long count, List<UUID> sample) {

    public SegmentPreview {
        sample = List.copyOf(sample);
    }
}
