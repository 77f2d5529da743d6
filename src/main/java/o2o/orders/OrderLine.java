package o2o.orders;

import java.util.UUID;

import o2o.shared.Money;

/** One thing ordered: what (a deal, later a dish), at what unit price, how many. */
public record OrderLine(int lineNo, String kind, UUID refId, String title, Money unitPrice, int quantity, Money amount) {}
