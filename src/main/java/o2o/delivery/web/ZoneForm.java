package o2o.delivery.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import o2o.delivery.Area;
import o2o.delivery.Fee;
import o2o.delivery.Zone;
import o2o.delivery.ZoneDraft;
import o2o.merchants.OpeningHours;
import o2o.shared.GeoPoint;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * The zone form as typed: a circle's radius or a polygon's points (one "lat,lng" a line), amounts in yuan, fee bands
 * one "fromMeters perKm" a line (per-km in yuan), and per weekday hours like the store form's (all empty: the store's
 * own hours).
 */
record ZoneForm(@Nullable String name, @Nullable String priority, @Nullable String shape,
        @Nullable String radiusMeters, @Nullable String points, @Nullable String minimum, @Nullable String baseFee,
        @Nullable String feeBands, @Nullable Map<DayOfWeek, String> hours) {

    static final String CIRCLE = "CIRCLE";
    static final String POLYGON = "POLYGON";

    static ZoneForm blank() {
        return new ZoneForm("", "1", CIRCLE, "3000", "", "20", "5", "", emptyHours());
    }

    static ZoneForm of(Zone zone) {
        var circle = zone.area() instanceof Area.Circle c ? c : null;
        var polygon = zone.area() instanceof Area.Polygon p ? p : null;
        var lines = new ArrayList<String>();
        if (polygon != null) for (var p : polygon.points()) lines.add(p.lat() + "," + p.lng());
        var bands = new ArrayList<String>();
        for (var b : zone.fee().bands()) bands.add(b.fromMeters() + " " + b.perKm().decimal());
        var hours = emptyHours();
        if (zone.hours() != null) for (var day : DayOfWeek.values()) hours.put(day, zone.hours().textOf(day));
        return new ZoneForm(zone.name(), Integer.toString(zone.priority()), circle != null ? CIRCLE : POLYGON,
                circle == null ? "" : Integer.toString(circle.radiusMeters()), String.join("\n", lines),
                zone.minimum().decimal(), zone.fee().base().decimal(), String.join("\n", bands), hours);
    }

    public boolean polygon() {
        return POLYGON.equals(shape);
    }

    public String hoursOf(DayOfWeek day) {
        var text = hours == null ? null : hours.get(day);
        return text == null ? "" : text;
    }

    ZoneDraft draft() {
        if (!CIRCLE.equals(shape) && !POLYGON.equals(shape)) throw new InvalidInput("shape", "a circle or a polygon");
        var radius = polygon() ? null : FormValues.number("radiusMeters", radiusMeters);
        var corners = polygon() ? points(points) : null;
        return new ZoneDraft(name == null ? "" : name, FormValues.number("priority", priority), radius, corners,
                FormValues.money("minimum", minimum, Money.CNY), FormValues.money("baseFee", baseFee, Money.CNY),
                bands(feeBands), typedHours());
    }

    private @Nullable Map<DayOfWeek, List<String>> typedHours() {
        if (hours == null || hours.values().stream().allMatch(h -> h == null || h.isBlank())) return null;
        var typed = new EnumMap<DayOfWeek, String>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) typed.put(day, hoursOf(day));
        return OpeningHours.parseForm(typed).asText();
    }

    /** "31.2304,121.4737" a line; blank lines are skipped. */
    static List<GeoPoint> points(@Nullable String text) {
        var points = new ArrayList<GeoPoint>();
        int n = 0;
        for (var line : lines(text)) {
            n++;
            var parts = line.split("\\s*[,，]\\s*|\\s+");
            if (parts.length != 2) throw new InvalidInput("points", "line " + n + " is not like 31.2304,121.4737");
            try {
                points.add(new GeoPoint(new BigDecimal(parts[0]).doubleValue(), new BigDecimal(parts[1]).doubleValue()));
            } catch (NumberFormatException e) {
                throw new InvalidInput("points", "line " + n + " is not like 31.2304,121.4737");
            }
        }
        if (points.size() > 500) throw new InvalidInput("points", "at most 500 points");
        return points;
    }

    /** "3000 1.5" a line: from 3000 m, ¥1.50 per started kilometre. */
    static List<Fee.Band> bands(@Nullable String text) {
        var bands = new ArrayList<Fee.Band>();
        int n = 0;
        for (var line : lines(text)) {
            n++;
            var parts = line.split("\\s+");
            if (parts.length != 2) throw new InvalidInput("feeBands", "line " + n + " is not like 3000 1.50");
            bands.add(new Fee.Band(FormValues.number("feeBands", parts[0]),
                    FormValues.money("feeBands", parts[1], Money.CNY)));
        }
        if (bands.size() > 20) throw new InvalidInput("feeBands", "at most 20 bands");
        return bands;
    }

    private static List<String> lines(@Nullable String text) {
        if (text == null) return List.of();
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static Map<DayOfWeek, String> emptyHours() {
        var hours = new EnumMap<DayOfWeek, String>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) hours.put(day, "");
        return hours;
    }
}
