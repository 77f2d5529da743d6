package o2o.wallet.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import o2o.shared.Money;

@Schema(name = "WalletOnlineTopUp")
record OnlineTopUp(@NotNull UUID merchantId, @NotNull Money amount) {}
