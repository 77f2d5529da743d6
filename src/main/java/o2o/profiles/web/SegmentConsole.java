package o2o.profiles.web;

import java.util.ArrayList;
import java.util.List;

import o2o.identity.StaffPrincipal;
import o2o.profiles.RuleSpec;
import o2o.profiles.SegmentField;
import o2o.profiles.SegmentOp;
import o2o.profiles.Segments;
import o2o.shared.InvalidInput;
import o2o.shared.web.OnProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The segment builder: up to three conditions joined by all or any, the live count under them (htmx posts the form on
 * every change), saving, and the merchant's saved segments with their sizes.
 */
@Controller
class SegmentConsole {

    static final int ROWS = 3;

    private final Segments segments;

    SegmentConsole(Segments segments) {
        this.segments = segments;
    }

    @GetMapping("/merchant/segments")
    String page(StaffPrincipal staff, Model model) {
        model.addAttribute("segments", segments.list(staff));
        model.addAttribute("fields", SegmentField.values());
        model.addAttribute("ops", SegmentOp.values());
        model.addAttribute("rows", ROWS);
        return "profiles/segments";
    }

    @PostMapping("/merchant/segments/preview")
    @OnProblem(render = "countOnly", errorPage = 403)
    String preview(StaffPrincipal staff, @RequestParam(defaultValue = "all") String join,
            @RequestParam(name = "field", required = false) @Nullable List<String> fields,
            @RequestParam(name = "op", required = false) @Nullable List<String> ops,
            @RequestParam(name = "value", required = false) @Nullable List<String> values, Model model) {
        model.addAttribute("preview", segments.preview(staff, rule(join, fields, ops, values)));
        return "profiles/segments :: count";
    }

    /** A rule that cannot be counted yet (a row half filled): the count's place says why. */
    String countOnly() {
        return "profiles/segments :: count";
    }

    @PostMapping("/merchant/segments")
    @OnProblem(render = "page", errorPage = 403)
    String save(StaffPrincipal staff, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "all") String join,
            @RequestParam(name = "field", required = false) @Nullable List<String> fields,
            @RequestParam(name = "op", required = false) @Nullable List<String> ops,
            @RequestParam(name = "value", required = false) @Nullable List<String> values) {
        segments.create(staff, name, rule(join, fields, ops, values));
        return "redirect:/merchant/segments";
    }

    /** The form's rows that have a field, as one rule; group values may be several, comma-separated. */
    static RuleSpec rule(String join, @Nullable List<String> fields, @Nullable List<String> ops,
            @Nullable List<String> values) {
        var conditions = new ArrayList<RuleSpec>();
        int n = fields == null ? 0 : Math.min(fields.size(), ROWS);
        for (int i = 0; i < n; i++) {
            var field = fields.get(i);
            if (field == null || field.isBlank()) continue;
            var op = ops != null && i < ops.size() ? ops.get(i) : "";
            String value = values != null && i < values.size() ? values.get(i) : "";
            Object typed = "in".equals(op) ? List.of(value.split("\\s*,\\s*")) : value;
            conditions.add(RuleSpec.condition(field, op, typed));
        }
        if (conditions.isEmpty()) throw new InvalidInput("field", "at least one condition");
        return "any".equals(join) ? RuleSpec.anyOf(conditions) : RuleSpec.allOf(conditions);
    }
}
