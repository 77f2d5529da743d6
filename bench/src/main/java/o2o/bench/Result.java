package o2o.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One scenario's numbers, as printed and as written to bench/results/&lt;scenario&gt;.json. */
record Result(String scenario, int clients, double durationSeconds, long operations, long errors,
        double throughputPerSecond, Map<String, Double> latencyMs, Map<String, Object> ceiling, double ratioToCeiling,
        Map<String, Object> checks, Map<String, Object> cpuMsPerOperation, Map<String, Object> app,
        Map<String, Object> dataset, String startedAt) {

    static Result of(String scenario, int clients, double seconds, Recorder recorder, double throughput,
            PgBench.Ceiling ceiling, Map<String, Object> checks, Map<String, Object> app, Map<String, Object> dataset,
            Instant startedAt) {
        var latency = new LinkedHashMap<String, Double>();
        latency.put("p50", round(recorder.percentileMs(50)));
        latency.put("p95", round(recorder.percentileMs(95)));
        latency.put("p99", round(recorder.percentileMs(99)));
        latency.put("max", round(recorder.maxMs()));
        var ceil = new LinkedHashMap<String, Object>();
        ceil.put("name", ceiling.name());
        ceil.put("tps", round(ceiling.tps()));
        return new Result(scenario, clients, round(seconds), recorder.operations(), recorder.errors(), round(throughput),
                latency, ceil, ceiling.tps() > 0 ? round(throughput / ceiling.tps()) : 0, checks,
                recorder.cpuPerOperation(), app, dataset, startedAt.toString());
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
