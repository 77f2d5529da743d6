package o2o.profiles;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.profiles.persistence.SegmentRows;
import o2o.profiles.persistence.SegmentRows.SegmentRow;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Page;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The module's API for segments: a live preview of a rule (count and a sample) compiled to one query over the
 * merchant's facts, saving it, and its members, kept current by {@link SegmentMembership}. A merchant's owners and
 * managers see only its own segments (404 for another's); a group program's owner segments the group's members, over
 * the group's facts, and its segments are kept under the group's scope (the row's {@code merchant_id}).
 */
@Service
public class Segments {

    public static final int SAMPLE = 10;
    public static final int MAX_LIMIT = 100;
    private static final UUID FIRST = new UUID(0, 0);

    private final SegmentRows rows;
    private final SegmentMembership membership;
    private final JsonMapper json;
    private final ProfileScopes scopes;
    private final Clock clock;

    Segments(SegmentRows rows, SegmentMembership membership, JsonMapper json, ProfileScopes scopes, Clock clock) {
        this.scopes = scopes;
        this.rows = rows;
        this.membership = membership;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SegmentPreview preview(StaffPrincipal staff, @Nullable RuleSpec spec) {
        var scope = scope(staff);
        var sql = SegmentSql.compile(rule(spec), clock.instant());
        var count = rows.count(scope, sql.where(), sql.params());
        // a rule nobody meets has no sample, and looking for one would read every member again
        return new SegmentPreview(count, count == 0 ? List.of()
                : rows.matching(scope, sql.where(), sql.params(), FIRST, SAMPLE));
    }

    @Transactional
    public Segment create(StaffPrincipal staff, @Nullable String name, @Nullable RuleSpec spec) {
        var scope = scope(staff);
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 40) throw new InvalidInput("name", "1 to 40 characters");
        var rule = rule(spec);
        var row = new SegmentRow(Ids.next(), scope, clean, json.writeValueAsString(spec),
                clock.instant());
        rows.insert(row);
        membership.fill(row, rule);
        return segment(row);
    }

    @Transactional(readOnly = true)
    public List<Segment> list(StaffPrincipal staff) {
        return rows.ofMerchant(scope(staff)).stream().map(this::segment).toList();
    }

    @Transactional(readOnly = true)
    public Segment find(StaffPrincipal staff, UUID segmentId) {
        return segment(owned(staff, segmentId));
    }

    /** The segment's members by customer id, paged by the last id of the page before. */
    @Transactional(readOnly = true)
    public Page<UUID> members(StaffPrincipal staff, UUID segmentId, @Nullable String cursor, int limit) {
        var segment = owned(staff, segmentId);
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidInput("limit", "1 to " + MAX_LIMIT);
        UUID after;
        try {
            after = cursor == null || cursor.isBlank() ? FIRST : UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("cursor", "not a cursor this list gave");
        }
        var page = rows.members(segment.id(), after, limit + 1);
        var items = page.size() > limit ? page.subList(0, limit) : page;
        return new Page<>(items, page.size() > limit ? items.getLast().toString() : null);
    }

    /** The merchant's segment's name, if it has that segment: for modules that reach a segment's members. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> nameOf(MerchantId merchant, UUID segmentId) {
        return rows.find(scopes.readBy(merchant), segmentId).map(SegmentRow::name);
    }

    /**
     * A page of the merchant's segment's members as they are now, after the member id {@code after} (null: from the
     * first), at most {@code limit}; empty for a segment the merchant does not have.
     */
    @Transactional(readOnly = true)
    public List<UUID> membersOf(MerchantId merchant, UUID segmentId, @Nullable UUID after, int limit) {
        if (rows.find(scopes.readBy(merchant), segmentId).isEmpty()) return List.of();
        return rows.members(segmentId, after == null ? FIRST : after, limit);
    }

    private SegmentRow owned(StaffPrincipal staff, UUID segmentId) {
        return rows.find(scope(staff), segmentId).orElseThrow(() -> Problem.notFound("segment"));
    }

    private Segment segment(SegmentRow row) {
        return new Segment(row.id(), row.name(), json.readValue(row.rule(), RuleSpec.class), rows.size(row.id()),
                row.createdAt());
    }

    private static SegmentRule rule(@Nullable RuleSpec spec) {
        if (spec == null) throw new InvalidInput("rule", "required");
        return SegmentRule.of(spec);
    }

    /** The scope the staff's segments are over: their merchant's, or its group's for a group program's owner. */
    private UUID scope(StaffPrincipal staff) {
        return scopes.readBy(managing(staff));
    }

    private static MerchantId managing(StaffPrincipal staff) {
        if (staff.merchantId() == null || !staff.role().manages()) {
            throw Problem.forbidden("only owners and managers build segments");
        }
        return new MerchantId(staff.merchantId());
    }
}
