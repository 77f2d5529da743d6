package o2o.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.Timestamps;
import o2o.testing.ApiTest;
import o2o.testing.Drained;
import o2o.testing.Fixtures;
import o2o.testing.Fixtures.MerchantFixture;
import o2o.testing.PosSaleBodies;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Previews count what a brute-force filter counts over the same members; saved segments follow orders and time; a
 * merchant sees only its own segments; bad rules are refused and save nothing.
 */
class SegmentIntegrationTests extends ApiTest {

    private static final List<String> TAGS = List.of("常客", "爱吃辣");
    private static final List<String> ITEMS = List.of("小笼包", "生煎");
    private static final List<String> NUMBERS = List.of("visits", "visits90", "visits365", "spend", "spend90",
            "spend365", "r", "f", "m");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SegmentMembership membership;

    /** A member's facts as the test wrote them. */
    private record Member(UUID id, @Nullable Instant last, Map<String, Long> numbers, @Nullable String group,
            Set<String> tags, Set<String> items) {}

    @Test
    void previewCountsEqualABruteForceFilterOverRandomMembers() {
        var random = new Random(2026);
        var merchant = fixtures.approvedMerchant("分群随机");
        var now = clock.instant();
        var members = new ArrayList<Member>();
        for (int i = 0; i < 300; i++) members.add(member(random, merchant.id(), now));

        for (int i = 0; i < 40; i++) {
            var rule = randomRule(random, 1);
            var preview = api.post("/api/v1/merchant/segments/preview", Map.of("rule", rule), merchant.ownerToken());
            assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
            long expected = members.stream().filter(m -> matches(rule, m, now)).count();
            assertThat(preview.body().path("count").asLong()).as("rule %s", rule).isEqualTo(expected);
            for (var id : preview.body().path("sample")) {
                var sampled = members.stream().filter(m -> m.id().toString().equals(id.asString())).findFirst();
                assertThat(sampled).as("a sampled member the rule holds for").hasValueSatisfying(
                        m -> assertThat(matches(rule, m, now)).isTrue());
            }
        }

        var rule = Map.<String, Object>of("any", List.of(Map.of("field", "spend", "op", "gt", "value", 20_000),
                Map.of("field", "item", "op", "has", "value", "小笼包")));
        var saved = api.post("/api/v1/merchant/segments", Map.of("name", "大客或小笼包", "rule", rule),
                merchant.ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        var expected = new HashSet<String>();
        members.stream().filter(m -> matches(rule, m, now)).forEach(m -> expected.add(m.id().toString()));
        assertThat(saved.body().path("members").asLong()).isEqualTo(expected.size());
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = api.get("/api/v1/merchant/segments/" + saved.text("id") + "/members?limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor), merchant.ownerToken());
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            page.body().path("items").forEach(id -> seen.add(id.asString()));
            cursor = page.body().path("next").isNull() ? null : page.body().path("next").asString();
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aSavedSegmentFollowsAnOrderAndThePassingOfTime() {
        var merchant = fixtures.approvedMerchant("分群跟随");
        var store = fixtures.store(merchant, Fixtures.unique("分群店"), 31.2, 121.4, "火锅");
        var key = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "前台"),
                merchant.ownerToken()).text("secret");
        var phone = Fixtures.uniquePhone();
        var customer = api.post("/api/v1/merchant/members", Map.of("phone", phone), merchant.ownerToken())
                .text("customerId");
        Drained.await(jdbc);
        var lapsed = save(merchant, "流失的啤酒客", Map.of("all", List.of(
                Map.of("field", "daysSinceLastVisit", "op", "gte", "value", 60),
                Map.of("field", "spend", "op", "gt", "value", 5_000),
                Map.of("field", "item", "op", "has", "value", "啤酒"))));
        var active = save(merchant, "消费过", Map.of("field", "visits", "op", "gte", "value", 1));
        assertThat(members(merchant, lapsed)).isEmpty();
        assertThat(members(merchant, active)).isEmpty();

        var sold = api.post("/api/v1/pos/sales", PosSaleBodies.sale("F-1", 8000, clock.instant().minusSeconds(60),
                "CASH", Map.of("phone", phone)), key);
        assertThat(sold.status()).as(sold.raw()).isEqualTo(201);
        Drained.await(jdbc);
        assertThat(members(merchant, active)).containsExactly(customer);
        assertThat(members(merchant, lapsed)).as("bought just now").isEmpty();

        clock.advance(Duration.ofDays(59));
        membership.reevaluateDue();
        assertThat(members(merchant, lapsed)).as("59 days on").isEmpty();
        clock.advance(Duration.ofDays(1));
        membership.reevaluateDue();
        assertThat(members(merchant, lapsed)).as("60 days on").containsExactly(customer);
        assertThat(api.get("/api/v1/merchant/segments/" + lapsed, merchant.ownerToken()).body().path("members")
                .asLong()).isEqualTo(1);
    }

    @Test
    void aMerchantSeesOnlyItsOwnSegmentsAndMembers() {
        var a = fixtures.approvedMerchant("分群甲");
        var b = fixtures.approvedMerchant("分群乙");
        var now = clock.instant();
        var random = new Random(7);
        for (int i = 0; i < 5; i++) member(random, a.id(), now);
        var rule = Map.of("field", "visits", "op", "gte", "value", 0);
        var segment = save(a, "甲的全部", rule);
        assertThat(api.get("/api/v1/merchant/segments/" + segment, a.ownerToken()).body().path("members").asLong())
                .isEqualTo(5);

        assertThat(api.post("/api/v1/merchant/segments/preview", Map.of("rule", rule), b.ownerToken()).body()
                .path("count").asLong()).as("b previews over its own members only").isZero();
        assertThat(api.get("/api/v1/merchant/segments/" + segment, b.ownerToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/segments/" + segment + "/members", b.ownerToken()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/segments", b.ownerToken()).body().path("segments").size()).isZero();
        var cashier = fixtures.staff(a, o2o.identity.Role.CASHIER, Set.of());
        assertThat(api.post("/api/v1/merchant/segments/preview", Map.of("rule", rule), cashier).status())
                .isEqualTo(403);
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndSaveNothing() {
        var merchant = fixtures.approvedMerchant("分群坏规则");
        var token = merchant.ownerToken();
        Object deep = Map.of("field", "spend", "op", "gt", "value", 1);
        for (int i = 0; i < SegmentRule.MAX_DEPTH; i++) deep = Map.of("all", List.of(deep));
        var bad = Map.<String, Object>of(
                "rule.field", Map.of("field", "phone", "op", "eq", "value", "138"),
                "rule.op", Map.of("field", "spend", "op", "like", "value", 1),
                "rule.value", Map.of("field", "spend", "op", "gt", "value", "一百"),
                "rule.all[1].value", Map.of("all", List.of(Map.of("field", "tag", "op", "has", "value", "常客"),
                        Map.of("field", "group", "op", "in", "value", "CHAMPIONS"))),
                "rule.all[0].all[0].all[0].all[0]", deep,
                "rule", Map.of("field", "spend", "all", List.of()));
        bad.forEach((field, rule) -> {
            var preview = api.post("/api/v1/merchant/segments/preview", Map.of("rule", rule), token);
            assertThat(preview.status()).as(preview.raw()).isEqualTo(400);
            assertThat(preview.body().path("field").asString()).isEqualTo(field);
            var saved = api.post("/api/v1/merchant/segments", Map.of("name", "坏", "rule", rule), token);
            assertThat(saved.status()).as(saved.raw()).isEqualTo(400);
        });
        assertThat(api.post("/api/v1/merchant/segments", Map.of("name", "无规则"), token).body().path("field")
                .asString()).isEqualTo("rule");
        assertThat(api.post("/api/v1/merchant/segments", Map.of("name", " ", "rule",
                Map.of("field", "spend", "op", "gt", "value", 1)), token).body().path("field").asString())
                .isEqualTo("name");
        assertThat(api.get("/api/v1/merchant/segments/" + UUID.randomUUID() + "/members?cursor=nope", token)
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/merchant/segments", token).body().path("segments").size()).isZero();
    }

    private String save(MerchantFixture merchant, String name, Map<String, ?> rule) {
        var saved = api.post("/api/v1/merchant/segments", Map.of("name", name, "rule", rule), merchant.ownerToken());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        return saved.text("id");
    }

    private List<String> members(MerchantFixture merchant, String segment) {
        var page = api.get("/api/v1/merchant/segments/" + segment + "/members", merchant.ownerToken());
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        var ids = new ArrayList<String>();
        page.body().path("items").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    /** A random member written straight into the facts (this module's own tables), an hour off any day's edge. */
    private Member member(Random random, UUID merchant, Instant now) {
        var id = Ids.next();
        Instant last = random.nextInt(5) == 0 ? null
                : now.minus(Duration.ofDays(random.nextInt(400))).minus(Duration.ofHours(1));
        var numbers = new java.util.HashMap<String, Long>();
        for (var n : List.of("visits", "visits90", "visits365")) numbers.put(n, (long) random.nextInt(12));
        for (var n : List.of("spend", "spend90", "spend365")) numbers.put(n, (long) random.nextInt(60_000));
        boolean scored = last != null && random.nextBoolean();
        for (var n : List.of("r", "f", "m")) numbers.put(n, scored ? 1L + random.nextInt(5) : null);
        var groups = Rfm.Group.values();
        String group = random.nextInt(4) == 0 ? null : groups[random.nextInt(groups.length)].name();
        var tags = new HashSet<String>();
        for (var t : TAGS) if (random.nextBoolean()) tags.add(t);
        var items = new HashSet<String>();
        for (var t : ITEMS) if (random.nextBoolean()) items.add(t);
        jdbc.sql("""
                        insert into profile_fact (merchant_id, customer_id, last_visit_at, visits, visits_90, visits_365,
                                                  spend, spend_90, spend_365, r_score, f_score, m_score, rfm_group)
                        values (:m, :c, :last, :v, :v90, :v365, :s, :s90, :s365, :r, :f, :mm, :g)
                        """)
                .param("m", merchant).param("c", id)
                .param("last", last == null ? null : Timestamps.utc(last), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("v", numbers.get("visits")).param("v90", numbers.get("visits90"))
                .param("v365", numbers.get("visits365")).param("s", numbers.get("spend"))
                .param("s90", numbers.get("spend90")).param("s365", numbers.get("spend365"))
                .param("r", numbers.get("r"), java.sql.Types.SMALLINT)
                .param("f", numbers.get("f"), java.sql.Types.SMALLINT)
                .param("mm", numbers.get("m"), java.sql.Types.SMALLINT)
                .param("g", group, java.sql.Types.VARCHAR).update();
        for (var t : tags) jdbc.sql("insert into profile_tag values (:m, :c, :t, now())")
                .param("m", merchant).param("c", id).param("t", t).update();
        for (var t : items) jdbc.sql("insert into profile_item values (:m, :c, :t, 1, 100)")
                .param("m", merchant).param("c", id).param("t", t).update();
        return new Member(id, last, numbers, group, tags, items);
    }

    private static Object randomRule(Random random, int depth) {
        if (depth < 3 && random.nextInt(3) == 0) {
            var children = new ArrayList<Object>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) children.add(randomRule(random, depth + 1));
            return Map.of(random.nextBoolean() ? "all" : "any", children);
        }
        return switch (random.nextInt(5)) {
            case 0 -> Map.of("field", "daysSinceLastVisit", "op", pick(random, List.of("eq", "gt", "gte", "lt", "lte")),
                    "value", random.nextInt(200));
            case 1 -> Map.of("field", "group", "op", "in", "value", List.of(Rfm.Group.values()[random.nextInt(6)].name(),
                    Rfm.Group.values()[random.nextInt(6)].name()));
            case 2 -> Map.of("field", "group", "op", pick(random, List.of("eq", "ne")),
                    "value", Rfm.Group.values()[random.nextInt(6)].name());
            case 3 -> Map.of("field", random.nextBoolean() ? "tag" : "item", "op", pick(random, List.of("has", "lacks")),
                    "value", pick(random, random.nextBoolean() ? TAGS : ITEMS));
            default -> {
                var field = pick(random, NUMBERS);
                long bound = field.startsWith("spend") ? random.nextInt(60_000)
                        : field.length() == 1 ? 1 + random.nextInt(5) : random.nextInt(12);
                yield Map.of("field", field, "op", pick(random, List.of("eq", "ne", "gt", "gte", "lt", "lte")),
                        "value", bound);
            }
        };
    }

    /** The brute force: what the rule means, member by member. */
    @SuppressWarnings("unchecked")
    private static boolean matches(Object rule, Member m, Instant now) {
        var map = (Map<String, Object>) rule;
        if (map.containsKey("all")) return ((List<Object>) map.get("all")).stream().allMatch(r -> matches(r, m, now));
        if (map.containsKey("any")) return ((List<Object>) map.get("any")).stream().anyMatch(r -> matches(r, m, now));
        var field = (String) map.get("field");
        var op = (String) map.get("op");
        var value = map.get("value");
        return switch (field) {
            case "daysSinceLastVisit" -> m.last() != null
                    && compare(Duration.between(m.last(), now).toDays(), op, ((Number) value).longValue());
            case "group" -> switch (op) {
                case "eq" -> value.equals(m.group());
                case "ne" -> !value.equals(m.group());
                default -> m.group() != null && ((List<String>) value).contains(m.group());
            };
            case "tag" -> m.tags().contains(value) == op.equals("has");
            case "item" -> m.items().contains(value) == op.equals("has");
            default -> m.numbers().get(field) != null
                    && compare(m.numbers().get(field), op, ((Number) value).longValue());
        };
    }

    private static boolean compare(long actual, String op, long value) {
        return switch (op) {
            case "eq" -> actual == value;
            case "ne" -> actual != value;
            case "gt" -> actual > value;
            case "gte" -> actual >= value;
            case "lt" -> actual < value;
            default -> actual <= value;
        };
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
