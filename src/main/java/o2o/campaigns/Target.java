package o2o.campaigns;

/** The page a tracking code's short link lands on. */
public enum Target {
    /** The store's page. */
    STORE,
    /** A deal's page; the only target whose object is not a store. */
    DEAL,
    /** The store's menu. */
    MENU,
    /** The store's page with its "join membership" box. */
    JOIN,
    /** The store's booking page. */
    BOOKING,
    /** The store's pick-up ordering page. */
    PICKUP;

    /** True when the landing page is one of a store's. */
    public boolean isStorePage() {
        return this != DEAL;
    }
}
