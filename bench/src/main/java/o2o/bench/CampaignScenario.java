package o2o.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A targeted send to every member of the showcase merchant ({@code owner1}; the demo's {@code --members}, each with
 * order history): a segment of all of them, a campaign, no frequency cap, then one {@code PUT .../outreach} with bonus
 * points, an SMS and an in-app message and 10 % held out. Timed from that PUT until the send is SENT and no message
 * is pending; CPU per member taken in. Each member must be reached once: treated + held out = the segment, and every
 * treated member's message sent. Messages do not go out 21:00-09:00 China time (the application's quiet hours, which
 * the bench cannot move): a run then measures the intake (taking in, the points) and reports the messages held.
 */
final class CampaignScenario {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final long TIMEOUT_NANOS = 20L * 60 * 1_000_000_000L;

    private CampaignScenario() {}

    static Result run(Scenarios.Context c) throws Exception {
        var api = c.api();
        var token = api.staffToken("owner1", "demo1234");
        var segment = api.post("/api/v1/merchant/segments", Map.of("name", "bench: every member",
                "rule", Map.of("field", "visits", "op", "gte", "value", 0)), token);
        Api.expect(segment, 201);
        long inSegment = segment.body().path("members").asLong();
        var today = LocalDate.now(CHINA);
        var campaign = api.post("/api/v1/merchant/campaigns", Map.of("name", "bench send " + System.nanoTime(),
                "startsOn", today.toString(), "endsOn", today.plusDays(30).toString(),
                "mediaCost", Map.of("minor", 0, "currency", "CNY"), "attributionDays", 14), token);
        Api.expect(campaign, 201);
        var id = campaign.body().path("id").asString();
        Api.expect(api.put("/api/v1/merchant/outreach/settings", Map.of("capDays", 0), token), 200);
        boolean quiet = quiet();

        var recorder = new Recorder();
        var started = Instant.now();
        var cpuBefore = Cpu.sample();
        long t0 = System.nanoTime();
        var put = api.put("/api/v1/merchant/campaigns/" + id + "/outreach", Map.of("kind", "TARGETED",
                "segmentId", segment.body().path("id").asString(), "offer", Map.of("kind", "POINTS", "points", 100),
                "message", Map.of("channels", List.of("SMS", "IN_APP"), "text", "{name}，送您100积分，欢迎回来！"),
                "holdoutPercent", 10), token);
        Api.expect(put, 201);
        JsonNode view = put.body();
        long intakeNanos = -1;
        while (System.nanoTime() - t0 < TIMEOUT_NANOS) {
            view = api.get("/api/v1/merchant/campaigns/" + id + "/outreach", token).body();
            boolean sent = view.path("status").asString().equals("SENT");
            if (sent && intakeNanos < 0) intakeNanos = System.nanoTime() - t0;
            int pending = view.path("messages").path("PENDING").asInt();
            if (sent && (pending == 0 || quiet && quiet())) break;
            Thread.sleep(200);
        }
        long totalNanos = System.nanoTime() - t0;
        var cpuAfter = Cpu.sample();
        recorder.ok(System.nanoTime() - totalNanos);
        int treated = view.path("treated").asInt();
        int heldOut = view.path("heldOut").asInt();
        int sent = view.path("messages").path("SENT").asInt();
        int pending = view.path("messages").path("PENDING").asInt();
        recorder.units(treated + heldOut);
        recorder.measuring(cpuBefore, cpuAfter);

        var checks = new LinkedHashMap<String, Object>();
        checks.put("status", view.path("status").asString());
        checks.put("segmentMembers", inSegment);
        checks.put("takenIn", treated + heldOut);
        checks.put("treated", treated);
        checks.put("heldOut", heldOut);
        checks.put("messagesSent", sent);
        checks.put("messagesPending", pending);
        checks.put("messages", view.path("messages"));
        checks.put("quietHours", quiet);
        checks.put("intakeSeconds", Result.round(intakeNanos / 1e9));
        checks.put("totalSeconds", Result.round(totalNanos / 1e9));
        long missedOrTwice = Math.abs(treated + heldOut - inSegment);
        long unsent = quiet ? 0 : Math.abs((long) treated - sent);
        checks.put("membersMissedOrTwice", missedOrTwice);
        checks.put("messagesNotSentOnce", unsent);
        if (missedOrTwice > 0 || unsent > 0 || !"SENT".equals(view.path("status").asString())) {
            System.err.printf("campaign: FAIL each reached once: %d in the segment, %d treated + %d held out, "
                    + "%d messages sent (%d pending), status %s%n", inSegment, treated, heldOut, sent, pending,
                    view.path("status").asString());
        } else if (quiet) {
            System.out.printf("campaign: quiet hours in China: %d members taken in, %d messages held until 09:00%n",
                    treated + heldOut, pending);
        }
        double seconds = totalNanos / 1e9;
        return Result.of("campaign", 1, seconds, recorder, (treated + heldOut) / seconds, c.tpcb(), checks, c.app(),
                c.dataset(), started);
    }

    private static boolean quiet() {
        var now = LocalTime.now(CHINA);
        return !now.isBefore(LocalTime.of(21, 0)) || now.isBefore(LocalTime.of(9, 0));
    }
}
