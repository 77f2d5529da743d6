package o2o.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * CPU time spent by the application's JVMs (all its nodes, summed), its PostgreSQL (postmaster, live backends and
 * the ones that exited) and this load generator, read from /proc. Divided by the operations of a scenario it says
 * what one operation costs on this machine, and so how many per second its cores could do at best, whatever else
 * shares them. Beside it, where the server keeps {@code pg_stat_statements}, the statements and transactions the
 * application ran: counts that do not depend on how fast the machine was that minute.
 */
final class Cpu {

    private static final double TICK_NANOS = 1e9 / 100;
    private static volatile Cpu watched = new Cpu(List::of, () -> -1, () -> null);

    /** {@code statements} is null where the server does not count them. */
    record Sample(long appTicks, long postgresTicks, long benchTicks, Statements.Snapshot statements) {}

    private final Supplier<List<Long>> appPids;
    private final LongSupplier postmasterPid;
    private final Supplier<Statements.Snapshot> statements;

    private Cpu(Supplier<List<Long>> appPids, LongSupplier postmasterPid,
            Supplier<Statements.Snapshot> statements) {
        this.appPids = appPids;
        this.postmasterPid = postmasterPid;
        this.statements = statements;
    }

    static void watch(Supplier<List<Long>> appPids, LongSupplier postmasterPid,
            Supplier<Statements.Snapshot> statements) {
        watched = new Cpu(appPids, postmasterPid, statements);
    }

    static Sample sample() {
        return watched.now();
    }

    private Sample now() {
        long postgres = 0;
        long postmaster = postmasterPid.getAsLong();
        if (postmaster > 0) {
            postgres = ticks(postmaster, true) + ProcessHandle.of(postmaster).stream()
                    .flatMap(ProcessHandle::descendants).mapToLong(p -> ticks(p.pid(), false)).sum();
        }
        long app = appPids.get().stream().filter(pid -> pid > 0).mapToLong(pid -> ticks(pid, false)).sum();
        long bench = ticks(ProcessHandle.current().pid(), false);
        // read after the CPU, so the reading's own work falls inside the measured window of the next sample only
        return new Sample(app, postgres, bench, statements.get());
    }

    /** Milliseconds of CPU per operation between two samples, by process, and the operations per second that bounds. */
    static Map<String, Object> perOperation(Sample before, Sample after, long operations) {
        var cpu = new LinkedHashMap<String, Object>();
        if (before == null || after == null || operations == 0 || after.appTicks() == 0) return cpu;
        double app = (after.appTicks() - before.appTicks()) * TICK_NANOS / 1e6 / operations;
        double postgres = (after.postgresTicks() - before.postgresTicks()) * TICK_NANOS / 1e6 / operations;
        double bench = (after.benchTicks() - before.benchTicks()) * TICK_NANOS / 1e6 / operations;
        double total = app + postgres + bench;
        cpu.put("appMs", Result.round(app));
        cpu.put("postgresMs", Result.round(postgres));
        cpu.put("loadGeneratorMs", Result.round(bench));
        cpu.put("totalMs", Result.round(total));
        cpu.put("cores", Runtime.getRuntime().availableProcessors());
        cpu.put("cpuBoundPerSecond", total > 0
                ? Result.round(Runtime.getRuntime().availableProcessors() * 1000 / total) : 0);
        if (before.statements() != null && after.statements() != null) {
            cpu.putAll(Statements.perOperation(before.statements(), after.statements(), operations));
        }
        return cpu;
    }

    /** utime + stime (and, with children, the CPU of reaped children such as exited backends) in clock ticks. */
    private static long ticks(long pid, boolean withChildren) {
        try {
            var stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields from the state (3rd in proc(5)) on: utime is the 14th, stime 15th, cutime 16th, cstime 17th
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
