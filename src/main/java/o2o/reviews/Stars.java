package o2o.reviews;

import o2o.shared.InvalidInput;

/** A score of one to five stars. */
public record Stars(int value) {

    public Stars {
        if (value < 1 || value > 5) throw new InvalidInput("stars", "must be between 1 and 5");
    }
}
