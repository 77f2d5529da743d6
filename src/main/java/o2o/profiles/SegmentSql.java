package o2o.profiles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import o2o.profiles.SegmentRule.All;
import o2o.profiles.SegmentRule.Any;
import o2o.profiles.SegmentRule.Condition;
import o2o.shared.Timestamps;

/**
 * Compiles a checked rule to one SQL condition over {@code profile_fact f}: column names and operators come from the
 * whitelist ({@link SegmentField}, {@link SegmentOp}), every value is a bind parameter ({@code :p0}, {@code :p1}, …).
 * "Days since the last visit" is compared as the last visit's time against {@code now} minus the days: no function
 * of a column to compute per row, and a member's answer flips at a moment known in advance (the last visit plus the
 * days), which {@link SegmentMembership} waits for. Birthdays are month-days ({@link MonthDays}): "within N days"
 * is the list of the next N days' month-days as of today in Asia/Shanghai, so its members change with the day, and
 * are evaluated again with the nightly scores.
 */
public record SegmentSql(String where, Map<String, Object> params) {

    private static final String BIRTHDAY =
            "(exists (select 1 from profile_birthday b where b.customer_id = f.customer_id and ";

    public static SegmentSql compile(SegmentRule rule, Instant now) {
        var params = new LinkedHashMap<String, Object>();
        var where = new StringBuilder();
        write(rule, now, where, params);
        return new SegmentSql(where.toString(), Map.copyOf(params));
    }

    private static void write(SegmentRule rule, Instant now, StringBuilder sql, Map<String, Object> params) {
        switch (rule) {
            case All all -> join(all.rules(), " and ", now, sql, params);
            case Any any -> join(any.rules(), " or ", now, sql, params);
            case Condition c -> condition(c, now, sql, params);
        }
    }

    private static void join(List<SegmentRule> rules, String op, Instant now, StringBuilder sql,
            Map<String, Object> params) {
        sql.append('(');
        for (int i = 0; i < rules.size(); i++) {
            if (i > 0) sql.append(op);
            write(rules.get(i), now, sql, params);
        }
        sql.append(')');
    }

    private static void condition(Condition c, Instant now, StringBuilder sql, Map<String, Object> params) {
        switch (c.field().kind()) {
            case NUMBER -> sql.append("(f.").append(c.field().column()).append(' ').append(symbol(c.op())).append(' ')
                    .append(bind(params, c.value())).append(')');
            case GROUP -> {
                var column = "f." + c.field().column();
                switch (c.op()) {
                    case EQ -> sql.append('(').append(column).append(" = ").append(bind(params, c.value())).append(')');
                    case NE -> sql.append("(").append(column).append(" is distinct from ")
                            .append(bind(params, c.value())).append(')');
                    default -> sql.append('(').append(column).append(" = any(cast(").append(bind(params,
                            ((List<?>) c.value()).toArray(String[]::new))).append(" as text[])))");
                }
            }
            case DAYS -> days(c, now, sql, params);
            case MONTH -> {
                int month = ((Long) c.value()).intValue();
                sql.append(BIRTHDAY).append("b.month_day between ").append(bind(params, MonthDays.firstOf(month)))
                        .append(" and ").append(bind(params, MonthDays.lastOf(month))).append("))");
            }
            case AHEAD -> {
                long n = (Long) c.value();
                var today = LocalDate.ofInstant(now, ProfileBatch.ZONE);
                var days = MonthDays.ahead(today, c.op() == SegmentOp.EQ ? n : 0, n);
                sql.append(BIRTHDAY).append("b.month_day = any(cast(")
                        .append(bind(params, days.toArray(Integer[]::new))).append(" as int[]))))");
            }
            case TEXT -> {
                var table = switch (c.field()) {
                    case TAG -> "select 1 from profile_tag x where x.merchant_id = f.merchant_id"
                            + " and x.customer_id = f.customer_id and x.tag = ";
                    case CATEGORY -> "select 1 from profile_category x where x.merchant_id = f.merchant_id"
                            + " and x.customer_id = f.customer_id and x.category = ";
                    default -> "select 1 from profile_item x where x.merchant_id = f.merchant_id"
                            + " and x.customer_id = f.customer_id and x.title = ";
                };
                sql.append(c.op() == SegmentOp.HAS ? "(exists (" : "(not exists (").append(table)
                        .append(bind(params, c.value())).append("))");
            }
        }
    }

    /**
     * Whole days since the last visit ≥ n exactly when the last visit is at or before now − n days; the other
     * operators are that bound and the next day's.
     */
    private static void days(Condition c, Instant now, StringBuilder sql, Map<String, Object> params) {
        long n = (Long) c.value();
        var atLeastN = Timestamps.utc(now.minus(Duration.ofDays(n)));
        var atLeastNext = Timestamps.utc(now.minus(Duration.ofDays(n + 1)));
        switch (c.op()) {
            case GTE -> sql.append("(f.last_visit_at <= ").append(bind(params, atLeastN)).append(')');
            case GT -> sql.append("(f.last_visit_at <= ").append(bind(params, atLeastNext)).append(')');
            case LT -> sql.append("(f.last_visit_at > ").append(bind(params, atLeastN)).append(')');
            case LTE -> sql.append("(f.last_visit_at > ").append(bind(params, atLeastNext)).append(')');
            case EQ -> sql.append("(f.last_visit_at <= ").append(bind(params, atLeastN))
                    .append(" and f.last_visit_at > ").append(bind(params, atLeastNext)).append(')');
            default -> throw new IllegalStateException(c.op() + " is not an operator of days");
        }
    }

    private static String symbol(SegmentOp op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalStateException(op + " is not an operator of numbers");
        };
    }

    private static String bind(Map<String, Object> params, Object value) {
        var name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }
}
