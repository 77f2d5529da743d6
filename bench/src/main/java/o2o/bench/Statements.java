package o2o.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the application asked of its database, from {@code pg_stat_statements} (loaded by the embedded server when
 * the application runs with {@code o2o.db.embedded.statement-statistics}): statements and transactions per operation,
 * and the statements that ran most often, each with its calls per operation. These are counts, so a cut of one
 * statement shows whatever the machine's speed that minute.
 */
final class Statements {

    /** Calls and execution time so far of each statement the application's database has seen, by query id. */
    record Snapshot(Map<String, Entry> byQuery) {}

    record Entry(String query, long calls, double totalMs) {}

    private static final int SHOWN = 40;

    private Statements() {}

    /** Reads the counters of the application's database ({@code postgres}) through the {@code bench_stats} one. */
    static Snapshot read(PgBench database) {
        try {
            var rows = database.statistics("""
                    select queryid, sum(calls), sum(total_exec_time),
                           min(regexp_replace(left(query, 300), '\\s+', ' ', 'g'))
                      from pg_stat_statements
                     where dbid = (select oid from pg_database where datname = 'postgres')
                     group by queryid""");
            var byQuery = new HashMap<String, Entry>();
            for (var row : rows) {
                byQuery.put(row[0], new Entry(row[3], Long.parseLong(row[1]), Double.parseDouble(row[2])));
            }
            return new Snapshot(byQuery);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Statements per operation (transaction control left out), transactions begun explicitly per operation, and
     * the most frequent statements of the window.
     */
    static Map<String, Object> perOperation(Snapshot before, Snapshot after, long operations) {
        var counted = new LinkedHashMap<String, Object>();
        long statements = 0;
        long transactions = 0;
        var deltas = new ArrayList<Entry>();
        for (var e : after.byQuery().entrySet()) {
            var was = before.byQuery().get(e.getKey());
            long calls = e.getValue().calls() - (was == null ? 0 : was.calls());
            if (calls <= 0) continue;
            double ms = e.getValue().totalMs() - (was == null ? 0 : was.totalMs());
            var query = e.getValue().query();
            var word = query.strip().toLowerCase(java.util.Locale.ROOT);
            if (word.startsWith("begin") || word.startsWith("start transaction")) {
                transactions += calls;
            } else if (!word.startsWith("commit") && !word.startsWith("rollback")) {
                statements += calls;
                deltas.add(new Entry(query, calls, ms));
            }
        }
        counted.put("statements", Result.round((double) statements / operations));
        counted.put("transactions", Result.round((double) transactions / operations));
        var top = new ArrayList<Map<String, Object>>();
        deltas.sort(Comparator.comparingLong(Entry::calls).reversed());
        for (var entry : deltas.subList(0, Math.min(SHOWN, deltas.size()))) {
            var shown = new LinkedHashMap<String, Object>();
            shown.put("perOperation", Result.round((double) entry.calls() / operations));
            shown.put("meanMs", Result.round(entry.totalMs() / entry.calls()));
            shown.put("query", entry.query().length() > 160 ? entry.query().substring(0, 160) : entry.query());
            top.add(shown);
        }
        counted.put("topStatements", List.copyOf(top));
        return counted;
    }
}
