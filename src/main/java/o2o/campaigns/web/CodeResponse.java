package o2o.campaigns.web;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.campaigns.Channel;
import o2o.campaigns.CodeWithScans;
import o2o.campaigns.Target;
import org.jspecify.annotations.Nullable;

@Schema(name = "MerchantTrackingCodeResponse")
record CodeResponse(UUID id, UUID campaignId, String code, @Schema(description = "the absolute short link") String link,
        Channel channel, @Nullable UUID storeId, @Nullable UUID staffId, Target target,
        @Schema(description = "the landing page's object: the deal for DEAL, the store otherwise") UUID targetId,
        @Nullable String label, long scans, Instant createdAt) {

    static CodeResponse of(CodeWithScans c, String link) {
        var code = c.code();
        return new CodeResponse(code.id(), code.campaignId(), code.code(), link, code.channel(), code.storeId(),
                code.staffId(), code.target(), code.targetId(), code.label(), c.scans(), code.createdAt());
    }
}
