package o2o.delivery;

import java.util.ArrayList;
import java.util.List;

import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Where a zone delivers: a circle round its store, or a polygon of points. An address on the edge is inside: the
 * customer at the border is served, not refused by a rounding.
 */
public sealed interface Area {

    /** Whether {@code point} lies inside or on the edge, for a store at {@code store}. */
    boolean covers(GeoPoint store, GeoPoint point);

    /** Every point within {@code radiusMeters} of the store, on the earth's surface. */
    record Circle(int radiusMeters) implements Area {

        /** How far past the radius still counts as on the edge: less than a coordinate's seventh decimal. */
        static final double EDGE_METERS = 0.05;

        public Circle {
            if (radiusMeters < 1 || radiusMeters > 100_000) {
                throw new InvalidInput("radiusMeters", "between 1 and 100000");
            }
        }

        @Override
        public boolean covers(GeoPoint store, GeoPoint point) {
            return Distance.meters(store, point) <= radiusMeters + EDGE_METERS;
        }
    }

    /**
     * A simple polygon (concave allowed, not crossing itself), its points in order and not closed. Geometry is on
     * longitude (x) and latitude (y): at a city's scale a straight edge between two points is the edge a map draws.
     */
    record Polygon(List<GeoPoint> points, PreparedGeometry shape) implements Area {

        private static final GeometryFactory GEOMETRY = new GeometryFactory();
        /** The least area a zone encloses, in square degrees: about ten square metres. */
        private static final double LEAST_AREA = 1e-9;
        /** Degrees within which a point counts as on an edge: about a centimetre. */
        private static final double EDGE_DEGREES = 1e-7;

        public static Polygon of(List<GeoPoint> points) {
            if (points.size() < 3) throw new InvalidInput("points", "a polygon needs at least 3 points");
            if (points.size() > 500) throw new InvalidInput("points", "at most 500 points");
            var ring = new ArrayList<Coordinate>();
            for (var p : points) ring.add(new Coordinate(p.lng(), p.lat()));
            if (!ring.getFirst().equals2D(ring.getLast())) ring.add(ring.getFirst());
            if (ring.size() < 4) throw new InvalidInput("points", "a polygon needs at least 3 different points");
            var polygon = GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
            if (!polygon.isValid() || polygon.getArea() < LEAST_AREA) {
                throw new InvalidInput("points", "the edges must not cross and must enclose an area");
            }
            return new Polygon(List.copyOf(points), PreparedGeometryFactory.prepare(polygon));
        }

        @Override
        public boolean covers(GeoPoint store, GeoPoint point) {
            var at = GEOMETRY.createPoint(new Coordinate(point.lng(), point.lat()));
            return shape.covers(at) || shape.getGeometry().isWithinDistance(at, EDGE_DEGREES);
        }
    }
}
