package o2o.deals;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A deal as it stands, with what is left of its stock. */
public record Deal(UUID id, UUID merchantId, DealTerms terms, @Nullable Integer stockLeft,
        boolean active, Instant createdAt) {

    public boolean onSaleAt(Instant now) {
        return active && !now.isBefore(terms.saleStartsAt()) && now.isBefore(terms.saleEndsAt())
                && (stockLeft == null || stockLeft > 0);
    }

    /** Whether it can be bought now, whatever is left of its stock (taken later, in the database). */
    public void requireOnSale(Instant now) {
        if (!active || now.isBefore(terms.saleStartsAt()) || !now.isBefore(terms.saleEndsAt())) {
            throw new Problem(HttpStatus.CONFLICT, "deal-not-on-sale", "this deal is not on sale now");
        }
    }

    /**
     * A deal whose stock was seen gone is sold out without an order being written: the answer a buyer would get a
     * moment later from the stock's conditional update, which still decides every purchase there is stock for.
     */
    public void requireInStock(int quantity) {
        if (stockLeft != null && stockLeft < quantity) throw soldOut();
    }

    /** The 409 of a deal with fewer units left than an order asks for. */
    public static Problem soldOut() {
        return new Problem(HttpStatus.CONFLICT, "deal-sold-out", "sold out");
    }

    /** No order may hold more units than one customer may buy in all. */
    public void requireWithinLimit(int quantity) {
        var limit = terms.perCustomerLimit();
        if (limit != null && quantity > limit) throw limitReached(limit);
    }

    /** The 409 of an order that would take the customer past what one customer may buy. */
    public static Problem limitReached(int limit) {
        return new Problem(HttpStatus.CONFLICT, "deal-limit-reached", "at most " + limit + " per customer", limit);
    }

    public boolean usableIn(UUID storeId) {
        return terms.usableIn(storeId);
    }

    /** Within the validity window and, if the deal has usable hours, within them (store time). */
    public boolean usableAt(ZonedDateTime storeTime) {
        return terms.usableAt(storeTime);
    }
}
