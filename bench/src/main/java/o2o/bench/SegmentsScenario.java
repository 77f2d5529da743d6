package o2o.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The showcase owner ({@code owner1}) previews segments over the demo's members ({@code --members}, each with order
 * history, seeded by the demo's bulk imports): a mix of rules — lapsed 60 days or more and spent over ¥200, bought
 * an item, any of three tags, and the lapsed rule with the item — from every client for the scenario's duration.
 * Every answer must be 200; each rule's count is read before and after (a lapse may flip one in between).
 */
final class SegmentsScenario {

    static final List<Map<String, Object>> RULES = List.of(
            Map.of("all", List.of(condition("daysSinceLastVisit", "gte", 60), condition("spend", "gt", 20_000))),
            condition("item", "has", "本帮双人套餐"),
            Map.of("any", List.of(condition("tag", "has", "VIP"), condition("tag", "has", "常客"),
                    condition("tag", "has", "学生"))),
            Map.of("all", List.of(condition("daysSinceLastVisit", "gte", 60), condition("spend", "gt", 20_000),
                    condition("item", "has", "本帮双人套餐"))));

    private SegmentsScenario() {}

    static Result run(Scenarios.Context c) throws Exception {
        var api = c.api();
        var token = api.staffToken("owner1", "demo1234");
        var counts = new long[RULES.size()];
        for (int i = 0; i < RULES.size(); i++) counts[i] = count(api, token, i);
        var recorder = new Recorder();
        var started = Instant.now();
        double seconds = Load.run(c.clients(), c.duration(), recorder, client -> {
            var rule = RULES.get(ThreadLocalRandom.current().nextInt(RULES.size()));
            return api.postStatus("/api/v1/merchant/segments/preview", Map.of("rule", rule), token) == 200;
        });
        long changed = 0;
        for (int i = 0; i < RULES.size(); i++) if (count(api, token, i) != counts[i]) changed++;
        var checks = new LinkedHashMap<String, Object>();
        checks.put("lapsedAndSpent", counts[0]);
        checks.put("boughtItem", counts[1]);
        checks.put("anyOfTags", counts[2]);
        checks.put("lapsedSpentAndItem", counts[3]);
        checks.put("countsThatChanged", changed);
        if (counts[1] == 0) System.err.println("segments: FAIL no member bought the item: is the demo seeded?");
        return Result.of("segments", c.clients(), seconds, recorder, recorder.operations() / seconds, c.selectOnly(),
                checks, c.app(), c.dataset(), started);
    }

    private static long count(Api api, String token, int rule) throws Exception {
        var preview = api.post("/api/v1/merchant/segments/preview", Map.of("rule", RULES.get(rule)), token);
        Api.expect(preview, 200);
        return preview.body().path("count").asLong();
    }

    private static Map<String, Object> condition(String field, String op, Object value) {
        return Map.of("field", field, "op", op, "value", value);
    }
}
