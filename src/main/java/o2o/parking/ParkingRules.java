package o2o.parking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import o2o.shared.InvalidInput;
import o2o.shared.Money;

/**
 * A mall's parking fee rules. A stay of at most {@code freeMinutes} costs nothing; a longer one costs
 * {@code hourlyMinor} for every started hour from the entry, each hour counted on the local day it starts in, and
 * no local day costs more than {@code dailyCapMinor}. Free hours each take one hour's price off: {@code tierFreeHours}
 * by the member's tier name, and one for every {@code spendPerFreeHourMinor} spent at the mall's tenants that day
 * (at most {@code maxPurchaseFreeHours}; 0 spend per hour: none). A stay paid in advance has {@code graceMinutes}
 * to leave before the time after the payment is due.
 */
public record ParkingRules(int freeMinutes, long hourlyMinor, long dailyCapMinor, int graceMinutes,
        long spendPerFreeHourMinor, int maxPurchaseFreeHours, Map<String, Integer> tierFreeHours) {

    /** Where the local days of the cap and of the day's purchases are. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The rules of a mall that set none: 15 free minutes, ¥10 an hour, ¥60 a day, an hour per ¥100 (at most 3). */
    public static final ParkingRules DEFAULT = new ParkingRules(15, 1000, 6000, 15, 10000, 3, Map.of());

    public ParkingRules {
        if (freeMinutes < 0 || freeMinutes > 1440) throw new InvalidInput("freeMinutes", "0 to 1440");
        if (hourlyMinor < 0 || hourlyMinor > 100_000) throw new InvalidInput("hourlyMinor", "0 to 100000 fen");
        if (dailyCapMinor < hourlyMinor || dailyCapMinor > 2_400_000) {
            throw new InvalidInput("dailyCapMinor", "at least an hour's price, at most 2400000 fen");
        }
        if (graceMinutes < 0 || graceMinutes > 120) throw new InvalidInput("graceMinutes", "0 to 120");
        if (spendPerFreeHourMinor < 0 || spendPerFreeHourMinor > Money.MAX_PRICE_MINOR) {
            throw new InvalidInput("spendPerFreeHourMinor", "0 to " + Money.MAX_PRICE_MINOR + " fen");
        }
        if (maxPurchaseFreeHours < 0 || maxPurchaseFreeHours > 24) throw new InvalidInput("maxPurchaseFreeHours", "0 to 24");
        if (tierFreeHours.size() > 20) throw new InvalidInput("tierFreeHours", "at most 20 tiers");
        var checked = new LinkedHashMap<String, Integer>();
        tierFreeHours.forEach((name, hours) -> {
            var trimmed = name.strip();
            if (trimmed.isEmpty() || trimmed.length() > 20) throw new InvalidInput("tierFreeHours", "tier names of 1 to 20 characters");
            if (hours == null || hours < 0 || hours > 24) throw new InvalidInput("tierFreeHours", "0 to 24 hours a tier");
            checked.put(trimmed, hours);
        });
        tierFreeHours = java.util.Collections.unmodifiableMap(checked);
    }

    /** The free hours a tier gives; none for no tier or a tier the rules do not name. */
    public int hoursForTier(@org.jspecify.annotations.Nullable String tier) {
        return tier == null ? 0 : tierFreeHours.getOrDefault(tier, 0);
    }

    /** The free hours a day's spend at the tenants gives. */
    public int hoursForSpend(long spentMinor) {
        if (spendPerFreeHourMinor == 0 || spentMinor <= 0) return 0;
        return (int) Math.min(maxPurchaseFreeHours, spentMinor / spendPerFreeHourMinor);
    }

    /** The fee of a stay from {@code from} to {@code to}, with {@code freeHours} taken off. */
    public ParkingFee fee(Instant from, Instant to, int freeHours) {
        if (to.isBefore(from)) throw new InvalidInput("exitedAt", "not before the entry");
        var stay = Duration.between(from, to);
        if (stay.compareTo(Duration.ofMinutes(freeMinutes)) <= 0) {
            return new ParkingFee(stay, 0, freeHours, Money.cny(0), Money.cny(0));
        }
        long hours = (stay.getSeconds() + 3599) / 3600;
        long gross = 0;
        LocalDate day = null;
        long dayTotal = 0;
        for (long hour = 0; hour < hours; hour++) {
            var starts = from.plusSeconds(hour * 3600).atZone(ZONE).toLocalDate();
            if (!starts.equals(day)) {
                gross += Math.min(dayTotal, dailyCapMinor);
                day = starts;
                dayTotal = 0;
            }
            dayTotal += hourlyMinor;
        }
        gross += Math.min(dayTotal, dailyCapMinor);
        long off = Math.min(gross, Math.multiplyExact((long) freeHours, hourlyMinor));
        return new ParkingFee(stay, hours, freeHours, Money.cny(gross), Money.cny(off));
    }
}
