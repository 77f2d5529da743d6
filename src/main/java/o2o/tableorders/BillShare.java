package o2o.tableorders;

import java.util.List;
import java.util.UUID;

import o2o.shared.CustomerId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;

/**
 * A share of a bill, paid by one payer through one order. It moves OPEN → PAYING when a payer's order is attached,
 * PAYING → PAID when that order is paid, and PAYING → OPEN when that order is cancelled unpaid; a paid share stays paid.
 *
 * @param kind WHOLE, EVEN (the {@code position}-th of {@code parts}), ITEMS (a diner's claimed items), REST (the items
 *             nobody claimed)
 * @param claimedBy the diner whose item share it is
 * @param orderId the order placed to pay it; null until a payer starts (and again when that order was cancelled unpaid)
 */
public record BillShare(UUID id, Kind kind, int position, int parts, Money amount, @Nullable UUID claimedBy,
        @Nullable UUID orderId, @Nullable UUID payerId, State state, List<UUID> itemIds) {

    public enum Kind { WHOLE, EVEN, ITEMS, REST }

    /** OPEN: nobody is paying it; PAYING: its order waits for the money; PAID. */
    public enum State { OPEN, PAYING, PAID }

    public BillShare {
        itemIds = List.copyOf(itemIds);
    }

    /**
     * Whether this payer may pay the share now: REPEAT when they started paying it already (a double tap), START when
     * it is free; 409 {@code bill-share-paid}, {@code bill-share-taken} or {@code bill-share-empty} otherwise.
     */
    public PayerTurn turnOf(UUID payer) {
        boolean samePayer = payer.equals(payerId);
        if (state == State.PAID && !(samePayer && orderId != null)) throw paidAlready();
        if (orderId != null) {
            if (!samePayer) throw taken("somebody else is paying this share");
            return PayerTurn.REPEAT;
        }
        requireSomethingToPay();
        return PayerTurn.START;
    }

    /** Staff take this share's money at the counter: 409 when it is paid already or has nothing to pay. */
    public BillShare requirePayableAtCounter() {
        if (state == State.PAID) throw paidAlready();
        requireSomethingToPay();
        return this;
    }

    /** A payer's order now pays the share (the payer is null for a walk-in order placed at the counter). */
    public BillShare payingBy(OrderId order, @Nullable CustomerId payer) {
        if (state == State.PAID) throw paidAlready();
        if (state == State.PAYING) throw taken("somebody else is paying this share");
        return new BillShare(id, kind, position, parts, amount, claimedBy, order.value(),
                payer == null ? null : payer.value(), State.PAYING, itemIds);
    }

    /** The share's order was paid. */
    public BillShare paid() {
        if (state != State.PAYING) throw new IllegalStateException("only a share being paid gets paid, not " + state);
        return new BillShare(id, kind, position, parts, amount, claimedBy, orderId, payerId, State.PAID, itemIds);
    }

    /** The share's order was cancelled unpaid: the share is free for somebody to pay again. */
    public BillShare freed() {
        if (state == State.PAID) throw paidAlready();
        if (state == State.OPEN) throw new IllegalStateException("nobody is paying this share");
        return new BillShare(id, kind, position, parts, amount, claimedBy, null, null, State.OPEN, itemIds);
    }

    private void requireSomethingToPay() {
        if (amount.isZero()) throw Problem.conflict("bill-share-empty", "this share has nothing to pay");
    }

    private static Problem paidAlready() {
        return Problem.conflict("bill-share-paid", "this share is paid");
    }

    static Problem taken(String detail) {
        return Problem.conflict("bill-share-taken", detail);
    }
}
