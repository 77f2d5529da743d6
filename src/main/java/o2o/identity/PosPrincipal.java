package o2o.identity;

import java.util.UUID;

/** A store's point-of-sale system, authenticated by one of the store's API keys. It acts only in that store. */
public record PosPrincipal(UUID merchantId, UUID storeId, UUID keyId) {

    /** The role a POS key authenticates with; no person has it. */
    public static final String ROLE = "POS";
}
