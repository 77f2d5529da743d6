package o2o.merchants;

import java.util.UUID;

import o2o.shared.Money;

/** Something on offer at a store that a search result or store page shows, such as a deal and its price. */
public record StoreHighlight(String kind, UUID id, String title, Money price, Money originalPrice) {}
