package o2o.shared;

import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the drain of a projection fed in batches: one batch per transaction, again while batches come back full. Each
 * batch is timed ({@code o2o.projection.batch}) and its facts counted ({@code o2o.projection.facts}), tagged with the
 * projection, so the time a fact costs its projection is the one divided by the other.
 */
public final class PendingDrain {

    private final int batchSize;
    private final TransactionTemplate tx;
    private final Timer batches;
    private final Counter facts;

    public PendingDrain(String projection, int batchSize, TransactionTemplate tx, MeterRegistry meters) {
        this.batchSize = batchSize;
        this.tx = tx;
        this.batches = Timer.builder("o2o.projection.batch").tag("projection", projection)
                .description("a batch of pending facts taken and counted, in its transaction").register(meters);
        this.facts = Counter.builder("o2o.projection.facts").tag("projection", projection)
                .description("pending facts counted").register(meters);
    }

    /** {@code batch} takes at most the batch size of facts, counts them and says how many it took. */
    public void run(IntSupplier batch) {
        int taken;
        do {
            var sample = Timer.start();
            Integer result = tx.execute(status -> batch.getAsInt());
            taken = result == null ? 0 : result;
            if (taken > 0) {
                sample.stop(batches);
                facts.increment(taken);
            }
        } while (taken >= batchSize);
    }

    public int batchSize() {
        return batchSize;
    }
}
