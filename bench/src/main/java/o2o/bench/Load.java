package o2o.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/** Runs an operation from a fixed number of virtual-thread clients until a deadline (or until the work runs out). */
final class Load {

    interface Operation {
        /** One operation; true when it succeeded. Throw {@link Scenarios.Done} when there is no more work. */
        boolean run(int client) throws Exception;
    }

    private Load() {}

    /** Returns the seconds actually spent. */
    static double run(int clients, Duration duration, Recorder recorder, Operation operation)
            throws InterruptedException {
        return run(clients, duration, recorder, operation, () -> false);
    }

    static double run(int clients, Duration duration, Recorder recorder, Operation operation, BooleanSupplier finished)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        var cpuBefore = Cpu.sample();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    while (System.nanoTime() < deadline && !finished.getAsBoolean()) {
                        long t = System.nanoTime();
                        try {
                            if (operation.run(client)) recorder.ok(t);
                            else recorder.error();
                        } catch (Scenarios.Done done) {
                            return;
                        } catch (Exception e) {
                            recorder.error();
                        }
                    }
                });
            }
        }
        recorder.measuring(cpuBefore, Cpu.sample());
        return (System.nanoTime() - started) / 1e9;
    }
}
