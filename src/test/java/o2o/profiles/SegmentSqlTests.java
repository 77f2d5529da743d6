package o2o.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import o2o.shared.InvalidInput;
import o2o.shared.Timestamps;
import org.junit.jupiter.api.Test;

/** The rule compiler: whitelisted columns and operators, every value bound; and the rules it refuses. */
class SegmentSqlTests {

    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");

    private static SegmentSql compile(RuleSpec spec) {
        return SegmentSql.compile(SegmentRule.of(spec), NOW);
    }

    @Test
    void numberOperatorsCompareTheirColumnWithABoundValue() {
        var symbols = Map.of("eq", "=", "ne", "<>", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=");
        symbols.forEach((op, symbol) -> {
            var sql = compile(RuleSpec.condition("spend365", op, 20_000));
            assertThat(sql.where()).isEqualTo("(f.spend_365 " + symbol + " :p0)");
            assertThat(sql.params()).containsExactlyEntriesOf(Map.of("p0", 20_000L));
        });
        assertThat(compile(RuleSpec.condition("visits90", "gte", "3")).params()).containsEntry("p0", 3L);
        assertThat(compile(RuleSpec.condition("r", "eq", 5)).where()).isEqualTo("(f.r_score = :p0)");
    }

    @Test
    void daysSinceTheLastVisitAreBoundsOnTheLastVisitsTime() {
        var sixty = Timestamps.utc(NOW.minus(Duration.ofDays(60)));
        var sixtyOne = Timestamps.utc(NOW.minus(Duration.ofDays(61)));
        var gte = compile(RuleSpec.condition("daysSinceLastVisit", "gte", 60));
        assertThat(gte.where()).isEqualTo("(f.last_visit_at <= :p0)");
        assertThat(gte.params()).containsEntry("p0", sixty);
        assertThat(compile(RuleSpec.condition("daysSinceLastVisit", "gt", 60)).params()).containsEntry("p0", sixtyOne);
        assertThat(compile(RuleSpec.condition("daysSinceLastVisit", "lt", 60)).where())
                .isEqualTo("(f.last_visit_at > :p0)");
        assertThat(compile(RuleSpec.condition("daysSinceLastVisit", "lte", 60)).params())
                .containsEntry("p0", sixtyOne);
        var eq = compile(RuleSpec.condition("daysSinceLastVisit", "eq", 60));
        assertThat(eq.where()).isEqualTo("(f.last_visit_at <= :p0 and f.last_visit_at > :p1)");
        assertThat(eq.params()).containsEntry("p0", sixty).containsEntry("p1", sixtyOne);
        assertThat(SegmentRule.of(RuleSpec.condition("daysSinceLastVisit", "gte", 60)).dayThresholds())
                .containsExactly(60L, 61L);
    }

    @Test
    void groupsTagsAndItemsAreBoundToo() {
        assertThat(compile(RuleSpec.condition("group", "eq", "CHAMPIONS")).where())
                .isEqualTo("(f.rfm_group = :p0)");
        assertThat(compile(RuleSpec.condition("group", "ne", "NEW")).where())
                .isEqualTo("(f.rfm_group is distinct from :p0)");
        var in = compile(RuleSpec.condition("group", "in", List.of("AT_RISK", "HIBERNATING")));
        assertThat(in.where()).isEqualTo("(f.rfm_group = any(cast(:p0 as text[])))");
        assertThat((String[]) in.params().get("p0")).containsExactly("AT_RISK", "HIBERNATING");
        var item = compile(RuleSpec.condition("item", "has", "小笼包'; drop table customer; --"));
        assertThat(item.where()).startsWith("(exists (select 1 from profile_item x").endsWith("x.title = :p0))")
                .doesNotContain("drop");
        assertThat(compile(RuleSpec.condition("tag", "lacks", "常客")).where())
                .startsWith("(not exists (select 1 from profile_tag x");
    }

    @Test
    void allAndAnyJoinTheirRulesInParentheses() {
        var sql = compile(RuleSpec.allOf(List.of(RuleSpec.condition("daysSinceLastVisit", "gte", 60),
                RuleSpec.condition("spend", "gt", 20_000),
                RuleSpec.anyOf(List.of(RuleSpec.condition("item", "has", "小笼包"),
                        RuleSpec.condition("tag", "has", "常客"))))));
        assertThat(sql.where()).matches("\\(\\(f.last_visit_at <= :p0\\) and \\(f.spend > :p1\\) and "
                + "\\(\\(exists .*:p2\\)\\) or \\(exists .*:p3\\)\\)\\)\\)");
        assertThat(sql.params()).hasSize(4);
    }

    @Test
    void badRulesAreRefusedNamingWhere() {
        assertField(RuleSpec.condition("phone", "eq", 1), "rule.field");
        assertField(RuleSpec.condition("spend", "has", 1), "rule.op");
        assertField(RuleSpec.condition("tag", "gte", "x"), "rule.op");
        assertField(RuleSpec.condition("spend", "gt", "lots"), "rule.value");
        assertField(RuleSpec.condition("spend", "gt", -1), "rule.value");
        assertField(RuleSpec.condition("spend", "gt", 1.5), "rule.value");
        assertField(RuleSpec.condition("daysSinceLastVisit", "gte", 40_000), "rule.value");
        assertField(RuleSpec.condition("group", "eq", "VIP"), "rule.value");
        assertField(RuleSpec.condition("group", "in", List.of()), "rule.value");
        assertField(RuleSpec.condition("item", "has", "x".repeat(41)), "rule.value");
        assertField(new RuleSpec(null, null, "spend", "gt", null), "rule.value");
        assertField(RuleSpec.allOf(List.of()), "rule.all");
        assertField(new RuleSpec(List.of(), List.of(), null, null, null), "rule");
        assertField(RuleSpec.anyOf(List.of(RuleSpec.condition("spend", "gt", 1), RuleSpec.condition("x", "eq", 1))),
                "rule.any[1].field");
        var deep = RuleSpec.condition("spend", "gt", 1);
        for (int i = 0; i < SegmentRule.MAX_DEPTH; i++) deep = RuleSpec.allOf(List.of(deep));
        assertField(deep, "rule.all[0].all[0].all[0].all[0]");
        var many = new ArrayList<RuleSpec>();
        for (int i = 0; i <= SegmentRule.MAX_CONDITIONS; i++) many.add(RuleSpec.condition("spend", "gt", i));
        assertField(RuleSpec.anyOf(many), "rule.any[" + SegmentRule.MAX_CONDITIONS + "]");
    }

    private static void assertField(RuleSpec spec, String field) {
        assertThatThrownBy(() -> SegmentRule.of(spec)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
