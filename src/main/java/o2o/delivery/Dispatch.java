package o2o.delivery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import o2o.merchants.Store;
import o2o.shared.OrderId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who should carry what. Waiting orders whose doors lie close together go as one batch (up to {@link #BATCH_SIZE},
 * each within {@link #BATCH_METERS} of the batch's first), oldest first; each batch is suggested to the free courier
 * on shift nearest the store, one batch per courier.
 */
@Component
public class Dispatch {

    static final int BATCH_METERS = 1500;
    static final int BATCH_SIZE = 3;

    /** Orders to carry together, and the courier suggested for them (null: nobody free). */
    public record Suggestion(List<OrderId> orderIds, @Nullable CourierOnShift courier,
            @Nullable Integer courierMetersAway) {}

    List<Suggestion> suggest(Store store, List<Delivery> waiting, List<CourierOnShift> onShift) {
        var batches = batches(waiting);
        var taken = new HashSet<UUID>();
        var suggestions = new ArrayList<Suggestion>();
        for (var batch : batches) {
            CourierOnShift best = null;
            double bestMeters = Double.MAX_VALUE;
            for (var courier : onShift) {
                if (!courier.free() || taken.contains(courier.staffId())) continue;
                double meters = courier.at() == null ? Double.MAX_VALUE / 2
                        : Distance.meters(courier.at(), store.location());
                if (best == null || meters < bestMeters) {
                    best = courier;
                    bestMeters = meters;
                }
            }
            if (best != null) taken.add(best.staffId());
            var ids = batch.stream().map(Delivery::orderId).toList();
            suggestions.add(new Suggestion(ids, best,
                    best == null || best.at() == null ? null : (int) Math.round(bestMeters)));
        }
        return suggestions;
    }

    /** Nearby orders together, oldest first. */
    static List<List<Delivery>> batches(List<Delivery> waiting) {
        var batches = new ArrayList<List<Delivery>>();
        for (var d : waiting) {
            List<Delivery> joined = null;
            for (var batch : batches) {
                var first = batch.getFirst();
                if (batch.size() < BATCH_SIZE && first.storeId().equals(d.storeId())
                        && Distance.meters(first.destination().point(), d.destination().point()) <= BATCH_METERS) {
                    joined = batch;
                    break;
                }
            }
            if (joined != null) joined.add(d);
            else batches.add(new ArrayList<>(List.of(d)));
        }
        return batches;
    }
}
