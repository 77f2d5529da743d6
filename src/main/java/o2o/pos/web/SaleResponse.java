package o2o.pos.web;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.pos.SaleRecord;
import org.jspecify.annotations.Nullable;

@Schema(name = "PosSaleResponse")
record SaleResponse(String posTransactionId, String orderId, String status, long total, long refunded,
        String paymentMethod, boolean member, String soldAt, @Nullable String voidedAt, boolean duplicate) {

    static SaleResponse of(SaleRecord sale) {
        return new SaleResponse(sale.posTransactionId(), sale.orderId().toString(), sale.status().name(),
                sale.total().minor(), sale.refunded().minor(), sale.paymentMethod().name(), sale.member(),
                sale.soldAt().toString(), sale.voidedAt() == null ? null : sale.voidedAt().toString(),
                sale.duplicate());
    }
}
