package o2o.wallet;

import o2o.shared.InvalidInput;

/** How the money for a counter top-up was taken, and how the entry describes it. */
enum TopUpMethod {
    CASH("储值充值（现金）"), CARD("储值充值（刷卡）");

    private final String description;

    TopUpMethod(String description) {
        this.description = description;
    }

    static TopUpMethod of(String method) {
        for (var value : values()) {
            if (value.name().equals(method)) return value;
        }
        throw new InvalidInput("method", "CASH or CARD");
    }

    String description() {
        return description;
    }
}
