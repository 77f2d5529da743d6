package o2o.vouchers.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(name = "VoucherRedeem")
record Redeem(@Nullable @Size(max = 20) String code, @Nullable @Size(max = 200) String qrToken,
        @NotNull UUID storeId, @Nullable @Size(max = 100) String device) {}
