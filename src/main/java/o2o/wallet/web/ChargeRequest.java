package o2o.wallet.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

@Schema(name = "WalletChargeRequest")
record ChargeRequest(@NotNull String phone, @NotNull Money amount, @Nullable @Size(max = 100) String note) {}
