package o2o.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A merchant's campaign: its name and goal, the days it runs, what its media cost, how many days after a scan an
 * order, redemption or membership still counts for it (its attribution window), and whose facts those may be (the
 * merchant's, or the whole group's it owns).
 */
public record Campaign(UUID id, UUID merchantId, String name, @Nullable String goal, LocalDate startsOn,
        LocalDate endsOn, Money mediaCost, int attributionDays, CampaignAudience audience, Instant createdAt,
        UUID createdBy) {

    public static final int DEFAULT_ATTRIBUTION_DAYS = 7;
    public static final int MAX_ATTRIBUTION_DAYS = 90;
    static final int MAX_NAME = 100;
    static final int MAX_GOAL = 500;

    public Campaign {
        name = name.strip();
        if (name.isEmpty()) throw new InvalidInput("name", "is required", "input.required");
        if (name.length() > MAX_NAME) throw new InvalidInput("name", "at most " + MAX_NAME + " characters");
        goal = goal == null || goal.isBlank() ? null : goal.strip();
        if (goal != null && goal.length() > MAX_GOAL) {
            throw new InvalidInput("goal", "at most " + MAX_GOAL + " characters");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new InvalidInput("endsOn", "must not be before startsOn", "input.campaigns.ends-before-starts");
        }
        if (mediaCost.minor() > Money.MAX_MINOR) throw new InvalidInput("mediaCost.minor", "is too large");
        if (attributionDays < 1 || attributionDays > MAX_ATTRIBUTION_DAYS) {
            throw new InvalidInput("attributionDays", "1 to " + MAX_ATTRIBUTION_DAYS + " days",
                    "input.campaigns.attribution-days", MAX_ATTRIBUTION_DAYS);
        }
    }

    /** True on every day from its first to its last, both included. */
    public boolean isRunningOn(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    /** The last moment after a scan at {@code scannedAt} that still counts for this campaign. */
    public Instant attributionEndsAfter(Instant scannedAt) {
        return scannedAt.plus(java.time.Duration.ofDays(attributionDays));
    }
}
