package o2o.parking;

import java.time.Duration;

import o2o.shared.Money;

/**
 * What a stay costs: how long it was, the started hours charged, the free hours given, the fee before them and what
 * they took off.
 */
public record ParkingFee(Duration stay, long hours, int freeHours, Money gross, Money discount) {

    /** The fee after the free hours. */
    public Money net() {
        return gross.minus(discount);
    }

    public long minutes() {
        return stay.toMinutes();
    }
}
