package o2o.profiles;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The facts a segment may filter on, and the operators each takes: the whitelist the SQL compiler knows. Money is in
 * minor units (fen); {@code daysSinceLastVisit} is whole days since the last paid order (members who never bought
 * have none, and match no condition on it). {@code birthdayMonth} is the month of the member's birthday and
 * {@code birthdayInDays} the days from today (Asia/Shanghai) to their next one; members who gave none match neither.
 */
public enum SegmentField {
    DAYS_SINCE_LAST_VISIT("daysSinceLastVisit", Kind.DAYS, null),
    VISITS("visits", Kind.NUMBER, "visits"),
    VISITS_90("visits90", Kind.NUMBER, "visits_90"),
    VISITS_365("visits365", Kind.NUMBER, "visits_365"),
    SPEND("spend", Kind.NUMBER, "spend"),
    SPEND_90("spend90", Kind.NUMBER, "spend_90"),
    SPEND_365("spend365", Kind.NUMBER, "spend_365"),
    R_SCORE("r", Kind.NUMBER, "r_score"),
    F_SCORE("f", Kind.NUMBER, "f_score"),
    M_SCORE("m", Kind.NUMBER, "m_score"),
    GROUP("group", Kind.GROUP, "rfm_group"),
    TAG("tag", Kind.TEXT, null),
    ITEM("item", Kind.TEXT, null),
    CATEGORY("category", Kind.TEXT, null),
    BIRTHDAY_MONTH("birthdayMonth", Kind.MONTH, null),
    BIRTHDAY_IN_DAYS("birthdayInDays", Kind.AHEAD, null);

    /** What kind of value a field holds, which decides its operators. */
    public enum Kind {
        NUMBER(EnumSet.of(SegmentOp.EQ, SegmentOp.NE, SegmentOp.GT, SegmentOp.GTE, SegmentOp.LT, SegmentOp.LTE)),
        DAYS(EnumSet.of(SegmentOp.EQ, SegmentOp.GT, SegmentOp.GTE, SegmentOp.LT, SegmentOp.LTE)),
        GROUP(EnumSet.of(SegmentOp.EQ, SegmentOp.NE, SegmentOp.IN)),
        TEXT(EnumSet.of(SegmentOp.HAS, SegmentOp.LACKS)),
        /** A month, 1–12: the birthday's. */
        MONTH(EnumSet.of(SegmentOp.EQ)),
        /** Days from today ahead: the next birthday is on that day ({@code eq}) or by then ({@code lte}). */
        AHEAD(EnumSet.of(SegmentOp.EQ, SegmentOp.LTE));

        final Set<SegmentOp> ops;

        Kind(Set<SegmentOp> ops) {
            this.ops = ops;
        }
    }

    private final String wire;
    private final Kind kind;
    private final @org.jspecify.annotations.Nullable String column;

    SegmentField(String wire, Kind kind, @org.jspecify.annotations.Nullable String column) {
        this.wire = wire;
        this.kind = kind;
        this.column = column;
    }

    public String wire() {
        return wire;
    }

    public Kind kind() {
        return kind;
    }

    public Set<SegmentOp> ops() {
        return kind.ops;
    }

    /** The facts table's column, for number and group fields; a constant of this enum, never input. */
    String column() {
        if (column == null) throw new IllegalStateException(wire + " has no column");
        return column;
    }

    public static Optional<SegmentField> of(String wire) {
        return Arrays.stream(values()).filter(f -> f.wire.equals(wire)).findFirst();
    }
}
