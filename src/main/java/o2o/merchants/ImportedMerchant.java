package o2o.merchants;

import java.util.List;
import java.util.UUID;

/** An already vetted merchant with its stores, for bulk onboarding (migrations from other systems, demo data). */
public record ImportedMerchant(UUID id, String name, String category, String contactName, String contactPhone,
        List<StoreDetails> stores) {}
