package o2o.loyalty.web;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.coupons.CouponTerms;
import o2o.loyalty.PointsMall;
import org.jspecify.annotations.Nullable;

@Schema(name = "PointsMallItemResponse")
record ItemResponse(UUID id, UUID merchantId, UUID couponTemplateId, String title, CouponTerms coupon, long points,
        @Nullable Integer stock, int exchanged, Instant createdAt) {

    static ItemResponse of(PointsMall.Item i) {
        return new ItemResponse(i.id(), i.merchantId(), i.coupon().id(), i.coupon().terms().title(),
                i.coupon().terms(), i.points(), i.stock(), i.exchanged(), i.createdAt());
    }
}
