package o2o.tableorders.persistence;

/** Of the items a diner named, how many are the bill's ({@code known}) and how many their share holds. */
public record ItemCount(int known, int mine) {}
