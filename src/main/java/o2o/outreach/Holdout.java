package o2o.outreach;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import o2o.shared.CustomerId;

/**
 * Which members a campaign holds out: a member is held out when a hash of the campaign and the member falls in the
 * first {@code percent} of 10,000 buckets. The same pair always lands in the same arm, on any node, retried or not,
 * and a member's arm in one campaign says nothing of their arm in another.
 */
public record Holdout(int percent) {

    public static final int DEFAULT_PERCENT = 10;
    public static final int MAX_PERCENT = 50;

    public Holdout {
        if (percent < 0 || percent > MAX_PERCENT) {
            throw new o2o.shared.InvalidInput("holdoutPercent", "0 to " + MAX_PERCENT);
        }
    }

    public boolean holdsOut(UUID campaign, CustomerId customer) {
        return bucket(campaign, customer.value()) < percent * 100;
    }

    static int bucket(UUID campaign, UUID customer) {
        var bytes = ByteBuffer.allocate(32).putLong(campaign.getMostSignificantBits())
                .putLong(campaign.getLeastSignificantBits()).putLong(customer.getMostSignificantBits())
                .putLong(customer.getLeastSignificantBits()).array();
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), 10_000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
