package o2o.wallet.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "WalletRules")
record Rules(@NotNull Map<Long, Long> bonusByThreshold) {}
