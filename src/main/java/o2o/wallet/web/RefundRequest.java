package o2o.wallet.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "WalletRefundRequest")
record RefundRequest(@NotNull String phone) {}
