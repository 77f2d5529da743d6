package o2o.insights;

import o2o.orders.Channel;

/** Where a sale came from, as the dashboards show it: an order's channel, with flash sales apart from other deals. */
public enum SalesChannel {
    DEAL, FLASH_SALE, DINE_IN, PICKUP, RESERVATION, POS, DELIVERY, EVENT;

    /** The channel of a sale; a top-up is stored value sold, not a sale, so it has none. */
    static SalesChannel of(Channel channel, boolean flashSale) {
        return switch (channel) {
            case DEAL -> flashSale ? FLASH_SALE : DEAL;
            case DINE_IN -> DINE_IN;
            case PICKUP -> PICKUP;
            case RESERVATION -> RESERVATION;
            case POS -> POS;
            case DELIVERY -> DELIVERY;
            case EVENT -> EVENT;
            case TOP_UP -> throw new IllegalArgumentException("a top-up is not a sale");
        };
    }
}
