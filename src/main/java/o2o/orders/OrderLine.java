package o2o.orders;

import java.util.UUID;

import o2o.shared.Money;

/** One thing ordered: what ({@code kind} says what {@code refId} names), at what unit price, how many. */
public record OrderLine(int lineNo, LineKind kind, UUID refId, String title, Money unitPrice, int quantity,
        Money amount) {}
