package o2o.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** Starts many tasks behind one gate, on virtual threads, so they really hit the server at the same moment. */
public final class Concurrently {

    private Concurrently() {}

    /** Runs every task at once and returns their results in the tasks' order. */
    public static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var gate = new CountDownLatch(1);
            var futures = tasks.stream().map(task -> pool.submit(() -> {
                gate.await();
                return task.call();
            })).toList();
            gate.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) results.add(future.get());
            return results;
        }
    }
}
