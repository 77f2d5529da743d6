package o2o.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import o2o.merchants.OpeningHours;
import o2o.merchants.Store;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import org.junit.jupiter.api.Test;

/** Where a zone delivers (inside, on the edge, outside a circle and a concave polygon), and which zone serves. */
class ZoneTests {

    static final GeoPoint STORE = new GeoPoint(31.2, 121.4);
    static final double METERS_PER_DEGREE = Math.PI * Distance.EARTH_RADIUS_METERS / 180;

    static GeoPoint north(double meters) {
        return new GeoPoint(STORE.lat() + meters / METERS_PER_DEGREE, STORE.lng());
    }

    static Store store(OpeningHours hours) {
        return new Store(UUID.randomUUID(), UUID.randomUUID(), "商户", "店", "地址", "上海", STORE, null,
                ZoneId.of("Asia/Shanghai"), hours, 3000, "本帮菜", List.of(), List.of(), true, true);
    }

    static Zone zone(String name, int priority, Area area, long base) {
        return new Zone(UUID.randomUUID(), new MerchantId(UUID.randomUUID()), new StoreId(UUID.randomUUID()), name,
                priority, area, Money.cny(2000), Fee.flat(Money.cny(base)), null, true);
    }

    @Test
    void aCircleTakesThePointsWithinItsRadiusAndItsEdge() {
        var circle = new Area.Circle(6000);
        assertThat(circle.covers(STORE, STORE)).isTrue();
        assertThat(circle.covers(STORE, north(5999))).isTrue();
        assertThat(circle.covers(STORE, north(6000))).as("on the edge").isTrue();
        assertThat(circle.covers(STORE, north(6001))).isFalse();
        assertThat(Distance.meters(STORE, north(6000))).isCloseTo(6000, org.assertj.core.data.Offset.offset(0.01));
    }

    /**
     * A U-shaped district: two arms (x 0–1 and 2–3, y 0–3) joined at the bottom (y 0–1); the notch between the arms
     * (x 1–2, y 1–3) is outside although it lies within the polygon's bounds. Units are 0.01°.
     */
    static Area.Polygon horseshoe() {
        double u = 0.01;
        return Area.Polygon.of(List.of(
                p(0, 0, u), p(3 * u, 0, u), p(3 * u, 3 * u, u), p(2 * u, 3 * u, u), p(2 * u, u, u), p(u, u, u),
                p(u, 3 * u, u), p(0, 3 * u, u)));
    }

    private static GeoPoint p(double x, double y, double unused) {
        return new GeoPoint(31.0 + y, 121.0 + x);
    }

    @Test
    void aConcavePolygonTakesItsInsideAndEdgesButNotItsNotch() {
        var shape = horseshoe();
        assertThat(shape.covers(STORE, new GeoPoint(31.005, 121.005))).as("bottom left").isTrue();
        assertThat(shape.covers(STORE, new GeoPoint(31.025, 121.005))).as("left arm").isTrue();
        assertThat(shape.covers(STORE, new GeoPoint(31.025, 121.025))).as("right arm").isTrue();
        assertThat(shape.covers(STORE, new GeoPoint(31.02, 121.015))).as("the notch").isFalse();
        assertThat(shape.covers(STORE, new GeoPoint(31.0, 121.015))).as("on the bottom edge").isTrue();
        assertThat(shape.covers(STORE, new GeoPoint(31.02, 121.01))).as("on the notch's edge").isTrue();
        assertThat(shape.covers(STORE, new GeoPoint(31.03, 121.0))).as("a corner").isTrue();
        assertThat(shape.covers(STORE, new GeoPoint(30.9999, 121.015))).as("just below").isFalse();
        assertThat(shape.covers(STORE, new GeoPoint(31.035, 121.005))).as("above").isFalse();
    }

    @Test
    void aPolygonThatCrossesItselfOrHasNoAreaIsRefused() {
        assertThatThrownBy(() -> Area.Polygon.of(List.of(new GeoPoint(31, 121), new GeoPoint(31.01, 121.01),
                new GeoPoint(31, 121.01), new GeoPoint(31.01, 121)))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Area.Polygon.of(List.of(new GeoPoint(31, 121), new GeoPoint(31.01, 121.01),
                new GeoPoint(31.02, 121.02)))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Area.Polygon.of(List.of(new GeoPoint(31, 121), new GeoPoint(31.01, 121.01))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void theFirstZoneByPriorityThatCoversThePointServesIt() {
        var store = store(OpeningHours.everyDay("00:00-00:00"));
        var inner = zone("近", 1, new Area.Circle(3000), 300);
        var outer = zone("远", 2, new Area.Circle(6000), 800);
        var setup = new DeliveryZones.StoreDelivery(List.of(inner, outer), DeliverySettings.DEFAULTS);
        var now = Instant.parse("2026-12-07T04:00:00Z");
        assertThat(setup.serving(store, north(1000), now)).isEqualTo(inner);
        assertThat(setup.serving(store, north(3000), now)).as("on the inner edge").isEqualTo(inner);
        assertThat(setup.serving(store, north(4000), now)).isEqualTo(outer);
        assertThatThrownBy(() -> setup.serving(store, north(6500), now)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.slug()).isEqualTo("outside-delivery-zone"));
    }

    @Test
    void aClosedZoneGivesWayToAnOpenOneAndAllClosedIsSaidSo() {
        var store = store(OpeningHours.everyDay("00:00-00:00"));
        var lunch = new Zone(UUID.randomUUID(), new MerchantId(UUID.randomUUID()), new StoreId(UUID.randomUUID()),
                "午市", 1, new Area.Circle(3000), Money.cny(0), Fee.flat(Money.cny(100)),
                OpeningHours.everyDay("11:00-14:00"), true);
        var always = zone("全天", 2, new Area.Circle(3000), 500);
        var noonInShanghai = Instant.parse("2026-12-07T04:00:00Z");
        var evening = Instant.parse("2026-12-07T12:00:00Z");
        var both = new DeliveryZones.StoreDelivery(List.of(lunch, always), DeliverySettings.DEFAULTS);
        assertThat(both.serving(store, north(100), noonInShanghai)).isEqualTo(lunch);
        assertThat(both.serving(store, north(100), evening)).isEqualTo(always);
        var lunchOnly = new DeliveryZones.StoreDelivery(List.of(lunch), DeliverySettings.DEFAULTS);
        assertThatThrownBy(() -> lunchOnly.serving(store, north(100), evening)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.slug()).isEqualTo("delivery-closed"));
    }

    @Test
    void theFeeIsTheBasePlusEveryStartedKilometreInEachBand() {
        var fee = new Fee(Money.cny(500), List.of(new Fee.Band(3000, Money.cny(100)), new Fee.Band(5000,
                Money.cny(200))));
        assertThat(fee.at(0)).isEqualTo(Money.cny(500));
        assertThat(fee.at(3000)).isEqualTo(Money.cny(500));
        assertThat(fee.at(3001)).isEqualTo(Money.cny(600));
        assertThat(fee.at(4000)).isEqualTo(Money.cny(600));
        assertThat(fee.at(4500)).isEqualTo(Money.cny(700));
        assertThat(fee.at(5000)).isEqualTo(Money.cny(700));
        assertThat(fee.at(5200)).isEqualTo(Money.cny(900));
        assertThat(fee.at(6000)).isEqualTo(Money.cny(900));
        assertThat(fee.at(6001)).isEqualTo(Money.cny(1100));
        assertThatThrownBy(() -> new Fee(Money.cny(500), List.of(new Fee.Band(3000, Money.cny(100)),
                new Fee.Band(3000, Money.cny(200))))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void thePromiseAddsTheKitchensQueueTheCourierAndTheRideAndThirtyMinutesNeedsRoom() {
        var settings = new DeliverySettings(10, 2, 20, 3, DeliverySettings.OWN, Money.cny(600));
        var near = Promise.of(settings, 3000, 0, 0, Promise.FREE_COURIER_MINUTES);
        assertThat(near.minutes()).isEqualTo(10 + 3 + 9);
        assertThat(near.thirtyMinutes()).isTrue();
        var queued = Promise.of(settings, 3000, 4, 2, Promise.FREE_COURIER_MINUTES);
        assertThat(queued.preparationMinutes()).isEqualTo(18);
        assertThat(queued.minutes()).isEqualTo(30);
        assertThat(queued.thirtyMinutes()).isTrue();
        var full = Promise.of(settings, 3000, 0, 3, Promise.FREE_COURIER_MINUTES);
        assertThat(full.minutes()).isEqualTo(22);
        assertThat(full.thirtyMinutes()).as("no room for more orders").isFalse();
        var far = Promise.of(settings, 6000, 0, 0, Promise.BUSY_COURIER_MINUTES);
        assertThat(far.minutes()).isEqualTo(10 + 12 + 18);
        assertThat(far.thirtyMinutes()).isFalse();
    }
}
