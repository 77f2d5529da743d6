package o2o.wallet.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

@Schema(name = "WalletTopUp")
record TopUp(@NotNull String phone, @NotNull Money amount, @Nullable String method) {}
