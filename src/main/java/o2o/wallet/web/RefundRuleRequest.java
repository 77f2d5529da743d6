package o2o.wallet.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Schema(name = "WalletRefundRuleRequest")
record RefundRuleRequest(@NotNull Boolean principalRefundable, @NotNull @Min(1) @Max(3650) Integer withinDays) {}
