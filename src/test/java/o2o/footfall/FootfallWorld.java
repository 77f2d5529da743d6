package o2o.footfall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.testing.Api;
import o2o.testing.MutableClock;

/** Door counters' keys and batches for the footfall tests. */
final class FootfallWorld {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private FootfallWorld() {}

    /** A POS key of the store, made by its merchant's owner; answers the secret the counter sends. */
    static String key(Api api, UUID store, String ownerToken) {
        var created = api.post("/api/v1/merchant/stores/" + store + "/pos-keys", Map.of("name", "客流计数器"), ownerToken);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("secret");
    }

    /** The start of the 15 minutes that ended last before {@code now}, and {@code back} intervals before that. */
    static Instant endedInterval(Instant now, int back) {
        long seconds = now.getEpochSecond();
        return Instant.ofEpochSecond(seconds - seconds % 900).minus(Duration.ofMinutes(15L * (back + 1)));
    }

    /** The batch body: the entrance and the intervals ending just before now, the oldest first, with these counts in. */
    static Map<String, Object> batch(Instant now, String entrance, int... ins) {
        var intervals = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < ins.length; i++) {
            intervals.add(Map.of("start", endedInterval(now, ins.length - 1 - i).toString(), "in", ins[i],
                    "out", ins[i] / 2));
        }
        return Map.of("entrance", entrance, "intervals", intervals);
    }

    static Map<String, Object> interval(Instant start, int in, int out) {
        return Map.of("start", start.toString(), "in", in, "out", out);
    }

    /**
     * Freezes the clock and moves it, if needed, to a local time between 03:00 and 21:00 in Shanghai, so a test's
     * last hours and next hour stay on one local day. Call before any token is made.
     */
    static void midDay(MutableClock clock) {
        clock.freeze();
        var local = LocalDateTime.ofInstant(clock.instant(), SHANGHAI);
        if (local.getHour() < 3) clock.advance(Duration.ofHours(3 - local.getHour()));
        if (local.getHour() >= 21) clock.advance(Duration.ofHours(24 - local.getHour() + 3));
    }

    static List<Integer> list(int... values) {
        var list = new ArrayList<Integer>();
        for (int v : values) list.add(v);
        return list;
    }
}
