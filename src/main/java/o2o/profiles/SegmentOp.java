package o2o.profiles;

import java.util.Arrays;
import java.util.Optional;

/** A segment condition's operator; {@code has}/{@code lacks} ask whether a member has a tag or bought an item. */
public enum SegmentOp {
    EQ("eq"), NE("ne"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), IN("in"), HAS("has"), LACKS("lacks");

    private final String wire;

    SegmentOp(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<SegmentOp> of(String wire) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(wire)).findFirst();
    }
}
