package o2o.footfall;

import java.time.LocalDate;
import java.util.List;

import o2o.insights.Period;
import o2o.malls.Mall;

/**
 * A mall's dashboard over a period (Asia/Shanghai days): the door counters' visitors by hour of day, by day and by
 * entrance; the Wi-Fi visits (members identified) against them, their average dwell and how many of the visiting
 * members bought at a tenant on a day of their visit; the tenants' sales by floor and by category, at the POS and
 * online.
 */
public record MallFootfall(Mall mall, Period period, Doors doors, Members members, List<Sales> byFloor,
        List<Sales> byCategory) {

    /** People in and out in the period, by local hour of day (0–23, all present), by day (all present), by entrance. */
    public record Doors(long in, long out, List<Count> byHour, List<DayCount> byDay, List<EntranceCount> byEntrance) {}

    public record Count(int hour, long in, long out) {}

    public record DayCount(LocalDate day, long in, long out) {}

    public record EntranceCount(String entrance, long in, long out) {}

    /**
     * The Wi-Fi visits begun in the period and their share of the people counted in (per mille; 0 without counts),
     * the average dwell of those visits in seconds, and the conversion: members with a visit, and those of them who
     * paid any tenant's merchant on a local day they visited (per mille).
     */
    public record Members(long wifiVisits, long sharePerMille, long averageDwellSeconds, long visitingMembers,
            long buyers, long conversionPerMille) {}

    /**
     * Tenants' sales in a group (a floor, by level and name; or a category, level null): orders, and net sales
     * (gross − refunds, minor units) at the POS, online (every other channel) and in all.
     */
    public record Sales(String name, @org.jspecify.annotations.Nullable Integer level, long orders, long posNetMinor,
            long onlineNetMinor) {

        public long netMinor() {
            return posNetMinor + onlineNetMinor;
        }
    }

    static long perMille(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(part * 1000.0 / whole);
    }
}
