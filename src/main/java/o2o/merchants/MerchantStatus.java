package o2o.merchants;

public enum MerchantStatus { PENDING, APPROVED, REJECTED }
