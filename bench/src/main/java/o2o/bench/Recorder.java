package o2o.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;

/** Latencies (HdrHistogram, microsecond resolution up to one minute) and error counts of one scenario. */
final class Recorder {

    private final ConcurrentHistogram latencies = new ConcurrentHistogram(60_000_000L, 3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    private volatile Cpu.Sample cpuBefore;
    private volatile Cpu.Sample cpuAfter;

    /** Marks the start and the end of the measured load, for the CPU it cost. */
    void measuring(Cpu.Sample before, Cpu.Sample after) {
        cpuBefore = before;
        cpuAfter = after;
    }

    /** CPU per unit of work where a scenario counts units (a sale of a batch), else per request. */
    Map<String, Object> cpuPerOperation() {
        return Cpu.perOperation(cpuBefore, cpuAfter, units.get() > 0 ? units.get() : operations());
    }

    /** Counts units of work done by one request, when a request can carry several (a batch of sales). */
    void units(long done) {
        units.addAndGet(done);
    }

    long units() {
        return units.get();
    }

    void ok(long startedNanos) {
        latencies.recordValue(Math.max(1, (System.nanoTime() - startedNanos) / 1_000));
    }

    void error() {
        errors.incrementAndGet();
    }

    long operations() {
        return latencies.getTotalCount();
    }

    long errors() {
        return errors.get();
    }

    double percentileMs(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return latencies.getMaxValue() / 1000.0;
    }
}
