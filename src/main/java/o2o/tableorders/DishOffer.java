package o2o.tableorders;

import o2o.catalog.MenuItem;

/** A dish on the store's menu now: the item at this store's price, and whether it is sold out. */
record DishOffer(MenuItem item, boolean soldOut) {}
