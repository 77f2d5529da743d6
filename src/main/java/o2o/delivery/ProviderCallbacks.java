package o2o.delivery;

import java.time.Clock;

import o2o.delivery.Delivery.Courier;
import o2o.delivery.persistence.CallbackRows;
import o2o.delivery.persistence.DeliveryRows;
import o2o.shared.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a courier provider reports about an order it carries. The provider's adapter checks the signature first; each
 * event is then taken once (by its id, in the same transaction as its move), and its state applied only forward: a
 * state skipped is fine, one the order has passed already changes nothing. The provider cancelling or bringing the
 * order back ends it with the refund policy; a position moves the rider's dot on the customer's page.
 */
@Service
public class ProviderCallbacks {

    /** How a callback was taken: applied (the order moved, or the rider's position did), or only acknowledged. */
    public enum Outcome {
        APPLIED, IGNORED, REPEATED
    }

    private final CourierProviders providers;
    private final DeliveryRows rows;
    private final CallbackRows callbacks;
    private final DeliveryMoves moves;
    private final DeliveryEnds ends;
    private final Clock clock;

    ProviderCallbacks(CourierProviders providers, DeliveryRows rows, CallbackRows callbacks, DeliveryMoves moves,
            DeliveryEnds ends, Clock clock) {
        this.providers = providers;
        this.rows = rows;
        this.callbacks = callbacks;
        this.moves = moves;
        this.ends = ends;
        this.clock = clock;
    }

    /**
     * Takes one callback of the provider named in its address.
     *
     * @throws Problem 404 for a provider this deployment does not have, or a reference it never gave us; 401 for a
     *     signature that does not hold (nothing is changed)
     */
    @Transactional
    public Outcome receive(String providerName, HttpHeaders headers, String body) {
        var provider = providers.find(providerName).orElseThrow(() -> Problem.notFound("courier provider"));
        var callback = provider.verify(headers, body);
        var d = rows.findByProviderRef(provider.name(), callback.reference())
                .orElseThrow(() -> Problem.notFound("delivery order"));
        var now = clock.instant();
        if (!callbacks.first(provider.name(), callback.eventId(), d.orderId().value(), now)) return Outcome.REPEATED;
        boolean moved = callback.status() != null && apply(d, callback, provider.name());
        if (callback.position() != null) {
            rows.position(d.orderId().value(), callback.position(), now);
            moved = moved || rows.find(d.orderId().value()).orElseThrow().status().withCourier();
        }
        return moved ? Outcome.APPLIED : Outcome.IGNORED;
    }

    private boolean apply(Delivery d, CourierProvider.Callback callback, String provider) {
        var to = callback.status();
        if (to == null || !d.status().canBecome(to)) return false;
        if (to == DeliveryStatus.CANCELLED || to == DeliveryStatus.RETURNED) {
            if (!d.paid()) return false;
            ends.end(d, to, (to == DeliveryStatus.CANCELLED ? "cancelled by " : "returned by ") + provider, provider);
            return true;
        }
        return moves.advance(d, to, rider(d, callback, provider), provider);
    }

    /** The rider as the provider names them (with their phone, for the customer), else whom the order has. */
    private static Courier rider(Delivery d, CourierProvider.Callback callback, String provider) {
        var name = callback.riderName();
        if (name != null && !name.isBlank()) {
            var phone = callback.riderPhone();
            return new Courier(null, phone == null || phone.isBlank() ? name.strip() : name.strip() + " " + phone);
        }
        return d.courier() != null ? d.courier() : new Courier(null, provider);
    }
}
