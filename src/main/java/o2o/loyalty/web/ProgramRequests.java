package o2o.loyalty.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import o2o.loyalty.ProgramRules;
import o2o.loyalty.Tier;
import o2o.loyalty.PointsProgram;
import o2o.orders.Channel;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Request bodies of the points program endpoints, and how they become domain values (a 400 naming the field if not). */
final class ProgramRequests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ProgramRequests() {}

    record Rules(@Nullable String name, @Nullable Integer pointsPerYuan, @Nullable Map<String, Integer> channelRates,
            @Nullable List<BonusEvent> bonusEvents, @Nullable String expiryPolicy) {

        String requiredName() {
            if (name == null) throw new InvalidInput("name", "required");
            return name;
        }

        int requiredRate() {
            if (pointsPerYuan == null) throw new InvalidInput("pointsPerYuan", "required");
            return pointsPerYuan;
        }

        Map<Channel, Integer> rates() {
            var rates = new EnumMap<Channel, Integer>(Channel.class);
            if (channelRates == null) return rates;
            channelRates.forEach((channel, rate) -> {
                if (rate == null) throw new InvalidInput("channelRates." + channel, "required");
                rates.put(channel("channelRates", channel), rate);
            });
            return rates;
        }

        List<ProgramRules.BonusEvent> events() {
            var events = new ArrayList<ProgramRules.BonusEvent>();
            if (bonusEvents == null) return events;
            for (int i = 0; i < bonusEvents.size(); i++) {
                var event = bonusEvents.get(i);
                var field = "bonusEvents[" + i + "].";
                if (event == null) throw new InvalidInput("bonusEvents[" + i + "]", "required");
                if (event.from() == null) throw new InvalidInput(field + "from", "required");
                if (event.to() == null) throw new InvalidInput(field + "to", "required");
                if (event.multiplierPercent() == null) throw new InvalidInput(field + "multiplierPercent", "required");
                var channel = event.channel() == null || event.channel().isBlank() ? null
                        : channel(field + "channel", event.channel());
                events.add(new ProgramRules.BonusEvent(event.from(), event.to(), event.multiplierPercent(), channel));
            }
            return events;
        }

        String policy() {
            return expiryPolicy == null ? "END_OF_NEXT_YEAR" : expiryPolicy;
        }
    }

    record BonusEvent(@Nullable Instant from, @Nullable Instant to, @Nullable Integer multiplierPercent,
            @Nullable String channel) {}

    record Tiers(@Nullable String basis, @Nullable Integer periodDays, @Nullable List<Level> levels) {

        List<Tier> tiers() {
            if (levels == null) return List.of();
            var tiers = new ArrayList<Tier>();
            for (int i = 0; i < levels.size(); i++) {
                var level = levels.get(i);
                var field = "levels[" + i + "].";
                if (level == null) throw new InvalidInput("levels[" + i + "]", "required");
                if (level.name() == null) throw new InvalidInput(field + "name", "required");
                if (level.threshold() == null) throw new InvalidInput(field + "threshold", "required");
                tiers.add(new Tier(i + 1, level.name(), level.threshold(),
                        level.discountPercent() == null ? 0 : level.discountPercent(),
                        level.pointsMultiplierPercent() == null ? 100 : level.pointsMultiplierPercent()));
            }
            return tiers;
        }

        String requiredBasis() {
            if (basis == null) throw new InvalidInput("basis", "POINTS or SPEND");
            return basis;
        }
    }

    record Level(@Nullable String name, @Nullable Long threshold, @Nullable Integer discountPercent,
            @Nullable Integer pointsMultiplierPercent) {}

    static Channel channel(String field, String text) {
        try {
            var channel = Channel.valueOf(text.strip());
            if (PointsProgram.EARNING_CHANNELS.contains(channel)) return channel;
        } catch (IllegalArgumentException e) {
            // not a channel at all: said below
        }
        throw new InvalidInput(field, "one of " + PointsProgram.EARNING_CHANNELS);
    }

    /** An instant ("2026-01-01T00:00:00Z"), or a date meaning its start in Beijing time ({@code to}: its end). */
    static Instant periodBound(String field, @Nullable String text, boolean end) {
        if (text == null || text.isBlank()) throw new InvalidInput(field, "required: a date like 2026-01-31 or an instant");
        try {
            if (text.length() == 10) {
                var date = LocalDate.parse(text);
                return (end ? date.plusDays(1) : date).atStartOfDay(CHINA).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidInput(field, "a date like 2026-01-31 or an instant like 2026-01-31T16:00:00Z");
        }
    }
}
