package o2o.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.orders.Channel;
import org.jspecify.annotations.Nullable;

/**
 * How a points program earns: a default rate, per-channel rates over it, bonus events, and when lots expire
 * ({@code END_OF_NEXT_YEAR} or {@code MONTHS:n}).
 *
 * @param shared true for a group program (a mall) that several merchants collect in
 * @param merchantIds the merchants whose members collect in this program
 */
public record ProgramRules(UUID programId, UUID ownerMerchantId, String name, boolean shared, int pointsPerYuan,
        Map<Channel, Integer> channelRates, List<BonusEvent> bonusEvents, String expiryPolicy, List<UUID> merchantIds) {

    /** From {@code from} (inclusive) to {@code to} (exclusive) earning is multiplied; on one channel or all. */
    public record BonusEvent(Instant from, Instant to, int multiplierPercent, @Nullable Channel channel) {}

    /** The points per yuan on a channel: its own rate if it has one, else the program's. */
    public int rateOn(Channel channel) {
        return channelRates.getOrDefault(channel, pointsPerYuan);
    }

    /** The best bonus active at that moment on that channel, as a percentage (100 when there is none). */
    public int bonusPercentAt(Instant at, Channel channel) {
        return bonusEvents.stream()
                .filter(e -> !at.isBefore(e.from()) && at.isBefore(e.to()))
                .filter(e -> e.channel() == null || e.channel() == channel)
                .mapToInt(BonusEvent::multiplierPercent).max().orElse(100);
    }
}
