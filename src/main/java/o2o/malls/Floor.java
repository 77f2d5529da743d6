package o2o.malls;

import o2o.shared.InvalidInput;

/** A floor of a mall: its level (negative underground, B1 = -1) and the name shown on the directory ("L1", "B1"). */
public record Floor(int level, String name) {

    public Floor {
        if (level < -5 || level > 200 || level == 0) throw new InvalidInput("floors.level", "-5 to -1 or 1 to 200");
        name = name.strip();
        if (name.isEmpty() || name.length() > 20) throw new InvalidInput("floors.name", "1 to 20 characters");
    }
}
