package o2o.campaigns.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.campaigns.Channel;
import o2o.campaigns.NewTrackingCode;
import o2o.campaigns.Target;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

@Schema(name = "MerchantTrackingCodeRequest")
record CodeRequest(@Nullable Channel channel, @Nullable Target target,
        @Schema(description = "required for STORE, MENU, BOOKING and PICKUP; JOIN without one lands on the first store")
        @Nullable UUID storeId,
        @Nullable UUID staffId,
        @Schema(description = "the deal of a DEAL target") @Nullable UUID targetId,
        @Schema(description = "the merchant's own code, 3-32 of [A-Za-z0-9_-]; empty for a random one")
        @Nullable String code,
        @Nullable String label) {

    NewTrackingCode toNew() {
        if (channel == null) throw new InvalidInput("channel", "is required", "input.required");
        if (target == null) throw new InvalidInput("target", "is required", "input.required");
        return new NewTrackingCode(channel, target, storeId, staffId, targetId, code, label);
    }
}
