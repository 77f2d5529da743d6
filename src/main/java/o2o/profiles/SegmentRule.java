package o2o.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import o2o.shared.InvalidInput;

/**
 * A segment's rule, checked: {@link All} or {@link Any} of nested rules, or one {@link Condition} on a whitelisted
 * field with an operator that field takes and a value of its kind. At most {@value #MAX_DEPTH} levels deep and
 * {@value #MAX_CONDITIONS} conditions; a bad rule is refused naming where in it ({@code rule.all[1].op}).
 */
public sealed interface SegmentRule {

    int MAX_DEPTH = 4;
    int MAX_CONDITIONS = 20;
    int MAX_CHOICES = 10;
    int MAX_TEXT = 40;
    long MAX_NUMBER = 1_000_000_000_000L;
    long MAX_DAYS = 36_500;

    record All(List<SegmentRule> rules) implements SegmentRule {
        public All {
            rules = List.copyOf(rules);
        }
    }

    record Any(List<SegmentRule> rules) implements SegmentRule {
        public Any {
            rules = List.copyOf(rules);
        }
    }

    /** {@code value} is a {@code Long} (numbers, days, months), a {@code String} (tag, item, group) or a list of groups. */
    record Condition(SegmentField field, SegmentOp op, Object value) implements SegmentRule {}

    /** The day counts whose passing may flip a {@code daysSinceLastVisit} condition, measured from the last visit. */
    default Set<Long> dayThresholds() {
        var days = new TreeSet<Long>();
        collect(this, days);
        return days;
    }

    private static void collect(SegmentRule rule, Set<Long> days) {
        switch (rule) {
            case All all -> all.rules().forEach(r -> collect(r, days));
            case Any any -> any.rules().forEach(r -> collect(r, days));
            case Condition c -> {
                if (c.field() == SegmentField.DAYS_SINCE_LAST_VISIT) {
                    long n = (Long) c.value();
                    days.add(n);
                    days.add(n + 1);
                }
            }
        }
    }

    static SegmentRule of(RuleSpec spec) {
        var count = new int[1];
        return of(spec, "rule", 1, count);
    }

    private static SegmentRule of(RuleSpec spec, String path, int depth, int[] count) {
        if (depth > MAX_DEPTH) throw new InvalidInput(path, "rules nest at most " + MAX_DEPTH + " deep");
        boolean group = spec.all() != null || spec.any() != null;
        boolean condition = spec.field() != null || spec.op() != null || spec.value() != null;
        if (group == condition || (spec.all() != null && spec.any() != null)) {
            throw new InvalidInput(path, "either all, any, or a field with op and value");
        }
        if (spec.all() != null) return new All(children(spec.all(), path + ".all", depth, count));
        if (spec.any() != null) return new Any(children(spec.any(), path + ".any", depth, count));
        if (++count[0] > MAX_CONDITIONS) throw new InvalidInput(path, "at most " + MAX_CONDITIONS + " conditions");
        return condition(spec, path);
    }

    private static List<SegmentRule> children(List<RuleSpec> specs, String path, int depth, int[] count) {
        if (specs.isEmpty()) throw new InvalidInput(path, "at least one rule");
        var rules = new ArrayList<SegmentRule>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            var child = specs.get(i);
            if (child == null) throw new InvalidInput(path + "[" + i + "]", "required");
            rules.add(of(child, path + "[" + i + "]", depth + 1, count));
        }
        return rules;
    }

    private static Condition condition(RuleSpec spec, String path) {
        var field = SegmentField.of(spec.field() == null ? "" : spec.field())
                .orElseThrow(() -> new InvalidInput(path + ".field", "one of " + wires()));
        var op = SegmentOp.of(spec.op() == null ? "" : spec.op())
                .filter(field.ops()::contains)
                .orElseThrow(() -> new InvalidInput(path + ".op", field.wire() + " takes one of "
                        + field.ops().stream().map(SegmentOp::wire).toList()));
        var raw = spec.value();
        if (raw == null) throw new InvalidInput(path + ".value", "required");
        Object value = switch (field.kind()) {
            case NUMBER -> number(raw, path + ".value", MAX_NUMBER);
            case DAYS -> number(raw, path + ".value", MAX_DAYS);
            case TEXT -> text(raw, path + ".value");
            case GROUP -> op == SegmentOp.IN ? groups(raw, path + ".value") : group(raw, path + ".value");
            case MONTH -> month(raw, path + ".value");
            case AHEAD -> number(raw, path + ".value", MonthDays.MAX_AHEAD);
        };
        return new Condition(field, op, value);
    }

    private static Long number(Object raw, String path, long max) {
        long n;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            n = ((Number) raw).longValue();
        } else if (raw instanceof String s && s.strip().matches("\\d{1,13}")) {
            n = Long.parseLong(s.strip());
        } else {
            throw new InvalidInput(path, "a whole number");
        }
        if (n < 0 || n > max) throw new InvalidInput(path, "0 to " + max);
        return n;
    }

    private static Long month(Object raw, String path) {
        var n = number(raw, path, 12);
        if (n < 1) throw new InvalidInput(path, "1 to 12");
        return n;
    }

    private static String text(Object raw, String path) {
        if (!(raw instanceof String s) || s.isBlank() || s.strip().length() > MAX_TEXT) {
            throw new InvalidInput(path, "text of 1 to " + MAX_TEXT + " characters");
        }
        return s.strip();
    }

    private static String group(Object raw, String path) {
        if (raw instanceof String s) {
            for (var g : Rfm.Group.values()) if (g.name().equals(s)) return s;
        }
        throw new InvalidInput(path, "one of " + List.of(Rfm.Group.values()));
    }

    private static List<String> groups(Object raw, String path) {
        if (!(raw instanceof List<?> list) || list.isEmpty() || list.size() > MAX_CHOICES) {
            throw new InvalidInput(path, "a list of 1 to " + MAX_CHOICES + " groups");
        }
        var groups = new ArrayList<String>(list.size());
        for (int i = 0; i < list.size(); i++) groups.add(group(list.get(i), path + "[" + i + "]"));
        return groups;
    }

    private static List<String> wires() {
        return java.util.Arrays.stream(SegmentField.values()).map(SegmentField::wire).toList();
    }
}
