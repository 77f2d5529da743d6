package o2o.payments;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A merchant's account at a gateway as the console shows it: what may be shown, never a key. */
public record ProviderAccount(UUID merchantId, String provider, Map<String, Object> settings, boolean enabled,
        boolean providerSwitchedOn, Instant updatedAt) {}
