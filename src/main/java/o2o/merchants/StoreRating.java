package o2o.merchants;

import java.math.BigDecimal;

/** A store's reviews in a list: their average overall score (one decimal) and how many there are. */
public record StoreRating(BigDecimal average, int count) {}
