package o2o.tableorders;

import java.util.Arrays;

import o2o.shared.InvalidInput;

/** How staff take a share's money at the counter. */
enum CounterMethod {
    CASH, CARD;

    /** The method staff chose; 400 for anything else. */
    static CounterMethod of(String method) {
        return Arrays.stream(values()).filter(m -> m.name().equals(method)).findFirst()
                .orElseThrow(() -> new InvalidInput("method", "CASH or CARD"));
    }
}
