package o2o.tableorders;

/** What a payer's tap on "pay" does to a share: start paying it, or repeat the payment they already started. */
public enum PayerTurn { START, REPEAT }
