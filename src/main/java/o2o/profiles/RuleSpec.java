package o2o.profiles;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A segment's rule as the caller writes it: either {@code all} or {@code any} of nested rules, or one condition
 * ({@code field}, {@code op}, {@code value}). Checked and turned into a {@link SegmentRule} before anything uses it.
 */
public record RuleSpec(@Nullable List<RuleSpec> all, @Nullable List<RuleSpec> any, @Nullable String field,
        @Nullable String op, @Nullable Object value) {

    public static RuleSpec condition(String field, String op, Object value) {
        return new RuleSpec(null, null, field, op, value);
    }

    public static RuleSpec allOf(List<RuleSpec> rules) {
        return new RuleSpec(rules, null, null, null, null);
    }

    public static RuleSpec anyOf(List<RuleSpec> rules) {
        return new RuleSpec(null, rules, null, null, null);
    }
}
