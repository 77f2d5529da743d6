package o2o.delivery;

import java.util.List;

import o2o.shared.InvalidInput;
import o2o.shared.Money;

/**
 * What a zone charges for a delivery: a base fee, and for each band the per-kilometre price of every started
 * kilometre driven inside it. Bands start at a distance and run to the next band's start (the last, without end): a
 * base of ¥5 with a band from 3 km at ¥1 charges ¥5 up to 3 km, ¥6 up to 4 km, ¥7 up to 5 km.
 */
public record Fee(Money base, List<Band> bands) {

    /** From {@code fromMeters} on, {@code perKm} for every started kilometre. */
    public record Band(int fromMeters, Money perKm) {

        public Band {
            if (fromMeters < 0 || fromMeters > 100_000) throw new InvalidInput("fromMeters", "between 0 and 100000");
        }
    }

    public Fee {
        bands = List.copyOf(bands);
        if (bands.size() > 20) throw new InvalidInput("feeBands", "at most 20 bands");
        for (int i = 0; i < bands.size(); i++) {
            if (!bands.get(i).perKm().currency().equals(base.currency())) {
                throw new InvalidInput("feeBands", "in the base fee's currency");
            }
            if (i > 0 && bands.get(i).fromMeters() <= bands.get(i - 1).fromMeters()) {
                throw new InvalidInput("feeBands", "each band starts further than the one before");
            }
        }
        base.asPrice("baseFee");
    }

    public static Fee flat(Money base) {
        return new Fee(base, List.of());
    }

    /** The fee for a delivery of this many metres. */
    public Money at(int meters) {
        var fee = base;
        for (int i = 0; i < bands.size(); i++) {
            var band = bands.get(i);
            int end = i + 1 < bands.size() ? bands.get(i + 1).fromMeters() : Integer.MAX_VALUE;
            long inside = Math.max(0, Math.min(meters, end) - band.fromMeters());
            long startedKm = (inside + 999) / 1000;
            fee = fee.plus(band.perKm().times(startedKm));
        }
        return fee;
    }
}
