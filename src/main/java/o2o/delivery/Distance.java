package o2o.delivery;

import o2o.shared.GeoPoint;

/** Great-circle distance on a spherical earth (haversine): what a delivery's fee and travel time are counted on. */
public final class Distance {

    static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Distance() {}

    public static double meters(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(b.lng() - a.lng());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
