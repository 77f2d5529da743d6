package o2o.shared;

/** A WGS-84 coordinate. */
public record GeoPoint(double lat, double lng) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) throw new InvalidInput("lat", "latitude must be between -90 and 90");
        if (!(lng >= -180 && lng <= 180)) throw new InvalidInput("lng", "longitude must be between -180 and 180");
    }
}
