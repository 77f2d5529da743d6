package o2o.campaigns;

import java.util.UUID;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * A tracking code as the merchant asks for it. A store page target (STORE, MENU, BOOKING, PICKUP) needs the store; a
 * DEAL needs the deal as {@code targetId}; JOIN needs nothing (the merchant's first store when no store is given).
 * Whether the store, staff member and deal are the merchant's is for {@link Campaigns} to ask their modules.
 *
 * @param code the merchant's own code, or null for a random one
 */
public record NewTrackingCode(Channel channel, Target target, @Nullable UUID storeId, @Nullable UUID staffId,
        @Nullable UUID targetId, @Nullable String code, @Nullable String label) {

    public NewTrackingCode {
        code = code == null || code.isBlank() ? null : CodeText.chosen(code.strip());
        label = label == null || label.isBlank() ? null : label.strip();
        if (label != null && label.length() > TrackingCode.MAX_LABEL) {
            throw new InvalidInput("label", "at most " + TrackingCode.MAX_LABEL + " characters");
        }
        if (target == Target.DEAL && targetId == null) {
            throw new InvalidInput("targetId", "the deal is required for a DEAL target", "input.campaigns.deal-required");
        }
        if (target != Target.DEAL && targetId != null) {
            throw new InvalidInput("targetId", "only a DEAL target names a targetId; a store page takes storeId");
        }
        if (target.isStorePage() && target != Target.JOIN && storeId == null) {
            throw new InvalidInput("storeId", "the store is required for a " + target + " target",
                    "input.campaigns.store-required", target);
        }
    }

    /** The landing page's object once the store is known: the deal, or the store (null: JOIN with no store yet). */
    public @Nullable UUID landingObject() {
        return target == Target.DEAL ? targetId : storeId;
    }
}
