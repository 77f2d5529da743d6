package o2o.loyalty.web;

import static o2o.loyalty.web.ProgramRequests.channel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.loyalty.ProgramRules;
import o2o.orders.Channel;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

@Schema(name = "ProgramRequestsRules")
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
