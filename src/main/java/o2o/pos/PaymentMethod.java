package o2o.pos;

/** How the customer paid at the till. */
public enum PaymentMethod { CASH, CARD, WECHAT, ALIPAY, STORED_VALUE, OTHER }
