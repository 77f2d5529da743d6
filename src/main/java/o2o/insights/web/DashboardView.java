package o2o.insights.web;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import o2o.insights.Dashboard;
import o2o.insights.Figures;
import o2o.insights.SalesChannel;
import o2o.shared.Money;
import o2o.shared.web.PageText;

/** What the dashboard page shows: KPI tiles against the previous period, and the charts' data as JSON-ready maps. */
record DashboardView(List<Tile> tiles, Map<String, Object> charts) {

    /** One figure: its message key, its value as shown, and its change against the previous period. */
    record Tile(String key, String value, String change, boolean down) {}

    static DashboardView of(Dashboard d, PageText text) {
        var tiles = new ArrayList<Tile>();
        tile(tiles, "gross", d, Figures::grossMinor, true);
        tile(tiles, "orders", d, Figures::orders, false);
        tile(tiles, "average-ticket", d, Figures::averageTicketMinor, true);
        tile(tiles, "refunded", d, Figures::refundedMinor, true);
        tile(tiles, "redemptions", d, Figures::redemptions, false);
        tile(tiles, "new-members", d, Figures::newMembers, false);
        tile(tiles, "returning", d, Figures::returningCustomers, false);
        tiles.add(new Tile("repeat-rate", perMille(d.current().repeatPerMille()),
                change(d.current().repeatPerMille(), d.previous().repeatPerMille()),
                d.current().repeatPerMille() < d.previous().repeatPerMille()));
        tile(tiles, "stored-value-sold", d, Figures::storedValueSoldMinor, true);
        tile(tiles, "stored-value-spent", d, Figures::storedValueSpentMinor, true);
        tile(tiles, "points-issued", d, Figures::pointsIssued, false);
        tile(tiles, "points-redeemed", d, Figures::pointsRedeemed, false);
        return new DashboardView(tiles, charts(d, text));
    }

    private static void tile(List<Tile> tiles, String key, Dashboard d, ToLongFunction<Figures> figure,
            boolean money) {
        long now = figure.applyAsLong(d.current());
        long before = figure.applyAsLong(d.previous());
        tiles.add(new Tile(key, money ? Money.cny(now).decimal() : Long.toString(now), change(now, before),
                now < before));
    }

    /** "+12.5%", "-3.0%", or "—" where the previous period had nothing to compare with. */
    static String change(long now, long before) {
        if (before == 0) return "—";
        long tenths = Math.round((now - before) * 1000.0 / before);
        return (tenths >= 0 ? "+" : "-") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10 + "%";
    }

    private static String perMille(long perMille) {
        return perMille / 10 + "." + perMille % 10 + "%";
    }

    private static Map<String, Object> charts(Dashboard d, PageText text) {
        var days = new ArrayList<String>();
        for (var day = d.period().from(); !day.isAfter(d.period().to()); day = day.plusDays(1)) {
            days.add(day.toString().substring(5));
        }
        var series = new LinkedHashMap<SalesChannel, long[]>();
        for (var row : d.byDay()) {
            int index = (int) (row.day().toEpochDay() - d.period().from().toEpochDay());
            series.computeIfAbsent(row.channel(), c -> new long[days.size()])[index] += row.grossMinor();
        }
        var datasets = new ArrayList<Map<String, Object>>();
        series.forEach((channel, values) -> datasets.add(Map.of("label", label(channel, text),
                "data", java.util.Arrays.stream(values).mapToObj(v -> v / 100.0).toList())));
        var hours = new long[24];
        for (var hour : d.hours()) hours[hour.hour()] = hour.orders();
        return Map.of("days", days, "byChannel", datasets,
                "share", Map.of("labels", d.byChannel().stream().map(c -> label(c.channel(), text)).toList(),
                        "data", d.byChannel().stream().map(c -> c.grossMinor() / 100.0).toList()),
                "hours", java.util.Arrays.stream(hours).boxed().toList(),
                "hourLabels", java.util.stream.IntStream.range(0, 24).mapToObj(h -> text.message("insights.hour", h)).toList());
    }

    static String label(SalesChannel channel, PageText text) {
        return text.message("insights.channel." + channel.name());
    }

}
