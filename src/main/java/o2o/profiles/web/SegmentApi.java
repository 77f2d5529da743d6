package o2o.profiles.web;

import java.util.List;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.profiles.RuleSpec;
import o2o.profiles.Segment;
import o2o.profiles.SegmentPreview;
import o2o.profiles.Segments;
import o2o.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Segments of the merchant's members: preview a rule, save it, list, read, and page through its members. */
@RestController
class SegmentApi {

    /** A rule to preview. */
    record PreviewRequest(@Nullable RuleSpec rule) {}

    /** A segment to save. */
    record SegmentRequest(@Nullable String name, @Nullable RuleSpec rule) {}

    record Segments(List<Segment> segments) {}

    private final o2o.profiles.Segments segments;

    SegmentApi(o2o.profiles.Segments segments) {
        this.segments = segments;
    }

    @PostMapping("/api/v1/merchant/segments/preview")
    SegmentPreview preview(StaffPrincipal staff, @RequestBody PreviewRequest request) {
        return segments.preview(staff, request.rule());
    }

    @PostMapping("/api/v1/merchant/segments")
    @ResponseStatus(HttpStatus.CREATED)
    Segment create(StaffPrincipal staff, @RequestBody SegmentRequest request) {
        return segments.create(staff, request.name(), request.rule());
    }

    @GetMapping("/api/v1/merchant/segments")
    Segments list(StaffPrincipal staff) {
        return new Segments(segments.list(staff));
    }

    @GetMapping("/api/v1/merchant/segments/{id}")
    Segment find(StaffPrincipal staff, @PathVariable UUID id) {
        return segments.find(staff, id);
    }

    @GetMapping("/api/v1/merchant/segments/{id}/members")
    Page<UUID> members(StaffPrincipal staff, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int limit) {
        return segments.members(staff, id, cursor, limit);
    }
}
