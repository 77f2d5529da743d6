package o2o.coupons.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.coupons.CouponTemplate;
import o2o.coupons.CouponTerms;

@Schema(name = "CouponTemplateResponse")
record TemplateResponse(UUID id, UUID merchantId, String title, CouponTerms terms, int claimed, int left,
        boolean active) {

    static TemplateResponse of(CouponTemplate t) {
        return new TemplateResponse(t.id(), t.merchantId(), t.terms().title(), t.terms(), t.claimed(),
                t.terms().totalQuantity() - t.claimed(), t.active());
    }
}
