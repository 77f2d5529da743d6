package o2o.pos.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(name = "PosRefundRequest")
record RefundRequest(@Nullable String refundId, @Nullable Long amount) {}
