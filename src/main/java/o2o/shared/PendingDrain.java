package o2o.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the drain of a projection fed in batches: one batch per transaction, again while batches come back full. A
 * batch that fails is taken again one fact at a time, and a fact that fails alone is set aside with its error
 * ({@link Facts#setAside}), so one bad fact cannot stop the others. Each batch is timed
 * ({@code o2o.projection.batch}) and its facts counted ({@code o2o.projection.facts}), tagged with the projection:
 * the time a fact costs its projection is the one divided by the other.
 *
 * @param <F> a pending fact
 */
public final class PendingDrain<F> {

    /** A projection's pending facts. */
    private interface Facts<F> {

        /** Takes (deletes, for this transaction) the oldest facts, at most {@code limit}; none if it may not now. */
        List<F> take(int limit);

        /** Counts the facts taken, in the same transaction. */
        void apply(List<F> facts);

        /** Marks a fact that cannot be counted, so it is taken no more; in a transaction of its own. */
        void setAside(F fact, String error);
    }

    private static final Logger log = LoggerFactory.getLogger(PendingDrain.class);

    private final String projection;
    private final int batchSize;
    private final Facts<F> facts;
    private final TransactionTemplate tx;
    private final Timer batches;
    private final Counter counted;

    private PendingDrain(String projection, int batchSize, Facts<F> facts, TransactionTemplate tx,
            MeterRegistry meters) {
        this.projection = projection;
        this.batchSize = batchSize;
        this.facts = facts;
        this.tx = tx;
        this.batches = Timer.builder("o2o.projection.batch").tag("projection", projection)
                .description("a batch of pending facts taken and counted, in its transaction").register(meters);
        this.counted = Counter.builder("o2o.projection.facts").tag("projection", projection)
                .description("pending facts counted").register(meters);
    }

    /** A drain over facts given as the three functions of {@link Facts}. */
    public static <F> PendingDrain<F> of(String projection, int batchSize, java.util.function.IntFunction<List<F>> take,
            java.util.function.Consumer<List<F>> apply, java.util.function.BiConsumer<F, String> setAside,
            TransactionTemplate tx, MeterRegistry meters) {
        return new PendingDrain<>(projection, batchSize, new Facts<>() {
            @Override
            public List<F> take(int limit) {
                return take.apply(limit);
            }

            @Override
            public void apply(List<F> facts) {
                apply.accept(facts);
            }

            @Override
            public void setAside(F fact, String error) {
                setAside.accept(fact, error);
            }
        }, tx, meters);
    }

    /**
     * The facts of a batch not counted before, each once, in the batch's order: one call of {@code recordFirst} per
     * kind, which records the ids given (in the caller's applied-fact table) and answers those it recorded now.
     */
    public static <F> List<F> firstTimes(List<F> facts, Function<F, String> kind, Function<F, String> id,
            BiFunction<String, List<String>, Set<String>> recordFirst) {
        var byKind = new LinkedHashMap<String, Map<String, F>>();
        for (var fact : facts) {
            byKind.computeIfAbsent(kind.apply(fact), k -> new LinkedHashMap<>()).putIfAbsent(id.apply(fact), fact);
        }
        var fresh = new ArrayList<F>(facts.size());
        byKind.forEach((k, ofKind) -> {
            var recorded = recordFirst.apply(k, new ArrayList<>(ofKind.keySet()));
            ofKind.forEach((factId, fact) -> {
                if (recorded.contains(factId)) fresh.add(fact);
            });
        });
        return fresh;
    }

    public void run() {
        int taken;
        do {
            try {
                taken = batch(batchSize);
            } catch (RuntimeException e) {
                log.warn("A batch of the {} projection failed; taking its facts one at a time: {}", projection,
                        e.toString());
                taken = oneByOne();
            }
        } while (taken >= batchSize);
    }

    private int batch(int limit) {
        var sample = Timer.start();
        Integer taken = tx.execute(status -> {
            var batch = facts.take(limit);
            facts.apply(batch);
            return batch.size();
        });
        if (taken == null || taken == 0) return 0;
        sample.stop(batches);
        counted.increment(taken);
        return taken;
    }

    /** The facts of a failed batch, each in its own transaction; one that fails alone is set aside. */
    private int oneByOne() {
        for (int done = 0; done < batchSize; done++) {
            var failing = new AtomicReference<F>();
            try {
                if (batch1(failing) == 0) return done;
            } catch (RuntimeException e) {
                if (failing.get() == null) throw e;
                log.error("A fact of the {} projection cannot be counted and is set aside: {} ({})", projection,
                        failing.get(), e.toString());
                tx.executeWithoutResult(status -> facts.setAside(failing.get(), e.toString()));
            }
        }
        return batchSize;
    }

    private int batch1(AtomicReference<F> taken) {
        var sample = Timer.start();
        Integer n = tx.execute(status -> {
            var one = facts.take(1);
            if (one.isEmpty()) return 0;
            taken.set(one.getFirst());
            facts.apply(one);
            return 1;
        });
        if (n == null || n == 0) return 0;
        sample.stop(batches);
        counted.increment();
        return 1;
    }
}
