package o2o.merchants;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Implemented by modules that sell things in stores (deals, later menus), so that search results and store pages show
 * them without this module depending on those modules.
 */
public interface StoreHighlights {

    /** What is on offer now at each of these stores, best first; stores with nothing may be absent. */
    Map<UUID, List<StoreHighlight>> at(Collection<UUID> storeIds, Instant now);
}
