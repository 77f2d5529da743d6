package o2o.loyalty.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.coupons.WalletCoupon;

@Schema(name = "PointsMallExchangeResponse")
record ExchangeResponse(UUID itemId, long points, WalletCoupon coupon, long balance) {}
