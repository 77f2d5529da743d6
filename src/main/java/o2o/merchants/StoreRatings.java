package o2o.merchants;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Implemented by the module that keeps reviews, so that search results show each store's rating without this module
 * depending on it. Asked once per page of results, for all its stores together.
 */
public interface StoreRatings {

    /** The ratings of these stores; a store without shown reviews is absent. */
    Map<UUID, StoreRating> of(Collection<UUID> storeIds);
}
