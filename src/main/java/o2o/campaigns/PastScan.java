package o2o.campaigns;

import java.time.Instant;
import java.util.UUID;

import o2o.shared.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * A scan made before it could be recorded one by one, for {@link CampaignImport}.
 *
 * @param id       the scan's own id: importing it again records nothing
 * @param codeId   one of the merchant's tracking codes
 * @param customer the customer it is bound to, null for an anonymous visitor
 */
public record PastScan(UUID id, UUID codeId, Instant scannedAt, UUID visitorId, @Nullable CustomerId customer,
        Device device) {}
