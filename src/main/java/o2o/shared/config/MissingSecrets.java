package o2o.shared.config;

import java.util.List;

/** What a production run lacks before it may start; {@link MissingSecretsAnalyzer} prints it. */
public class MissingSecrets extends RuntimeException {

    private final List<String> missing;

    MissingSecrets(List<String> missing) {
        super("A production run needs these set (or run with --demo, or the dev profile): " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
