package o2o.delivery.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import o2o.delivery.Delivery;
import o2o.delivery.DeliveryOrder;
import o2o.delivery.DeliveryStatus;
import o2o.delivery.Distance;
import o2o.shared.web.PageText;
import org.jspecify.annotations.Nullable;

/**
 * A delivery order as its tracking page shows it: the steps done, the promised clock time and the minutes left, and
 * where the courier was last seen (how far from the door, how long ago).
 */
public record Tracking(DeliveryOrder order, List<Step> steps, @Nullable String promisedAt, @Nullable Long minutesLeft,
        @Nullable CourierSeen courierSeen) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(PageText.ZONE);
    private static final List<DeliveryStatus> PATH = List.of(DeliveryStatus.CREATED, DeliveryStatus.ACCEPTED,
            DeliveryStatus.COURIER_ASSIGNED, DeliveryStatus.PICKED_UP, DeliveryStatus.DELIVERED);

    /** One step of the way: reached, and whether it is where the order stands now. */
    public record Step(DeliveryStatus status, boolean done, boolean current) {}

    /** The courier's last position: its coordinates, kilometres from the door, minutes since it was reported. */
    public record CourierSeen(double lat, double lng, String km, long minutesAgo) {}

    static Tracking of(DeliveryOrder order, Instant now) {
        var d = order.delivery();
        var steps = new ArrayList<Step>();
        if (!d.status().isFinal() || d.status() == DeliveryStatus.DELIVERED) {
            for (var status : PATH) {
                steps.add(new Step(status, status.ordinal() <= d.status().ordinal(), status == d.status()));
            }
        }
        String promisedAt = null;
        Long minutesLeft = null;
        if (d.promisedAt() != null) {
            promisedAt = CLOCK.format(d.promisedAt());
            if (!d.status().isFinal()) {
                minutesLeft = Math.max(0, (long) Math.ceil(Duration.between(now, d.promisedAt()).toSeconds() / 60.0));
            }
        }
        return new Tracking(order, steps, promisedAt, minutesLeft, seen(d, now));
    }

    private static @Nullable CourierSeen seen(Delivery d, Instant now) {
        var at = d.courierAt();
        if (at == null || !d.status().withCourier()) return null;
        double meters = Distance.meters(at.point(), d.destination().point());
        long ago = Math.max(0, Duration.between(at.at(), now).toMinutes());
        return new CourierSeen(at.point().lat(), at.point().lng(), String.format("%.1f", meters / 1000), ago);
    }

    public Delivery delivery() {
        return order.delivery();
    }

    /** What the page was drawn with: the state, and whether it was paid (paying also changes the buttons). */
    public String state() {
        return delivery().status().name() + (delivery().paid() ? "-paid" : "");
    }
}
