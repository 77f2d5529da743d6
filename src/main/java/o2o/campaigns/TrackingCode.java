package o2o.campaigns;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One printed code of a campaign: the channel it reaches people through, the store and staff member it stands for
 * when it does, and the page its short link lands on ({@code targetId}: the deal for DEAL, the store otherwise).
 */
public record TrackingCode(UUID id, UUID merchantId, UUID campaignId, String code, Channel channel,
        @Nullable UUID storeId, @Nullable UUID staffId, Target target, UUID targetId, @Nullable String label,
        Instant createdAt) {

    static final int MAX_LABEL = 100;

    /** The landing page's path on this site. */
    public String landingPath() {
        return landingPath(target, targetId);
    }

    public static String landingPath(Target target, UUID targetId) {
        return switch (target) {
            case STORE -> "/stores/" + targetId;
            case DEAL -> "/deals/" + targetId;
            case MENU -> "/stores/" + targetId + "/menu";
            case JOIN -> "/stores/" + targetId + "#membership";
            case BOOKING -> "/stores/" + targetId + "/reserve";
            case PICKUP -> "/stores/" + targetId + "/pickup";
        };
    }

    /** The short link's path: {@code /c/{code}}. */
    public String shortPath() {
        return "/c/" + code;
    }
}
