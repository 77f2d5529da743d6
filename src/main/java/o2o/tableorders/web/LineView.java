package o2o.tableorders.web;

import o2o.tableorders.CartLine;

/** A line of the cart as the page shows it: whose it is ("me", staff, or another diner's short tag). */
record LineView(CartLine line, boolean mine, String who) {}
