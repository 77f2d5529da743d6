package o2o.shared.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MissingSecrets} into the start-up report: one line per missing variable, and what to do. */
class MissingSecretsAnalyzer extends AbstractFailureAnalyzer<MissingSecrets> {

    @Override
    protected FailureAnalysis analyze(Throwable root, MissingSecrets cause) {
        var description = new StringBuilder("o2o is not configured for production:\n");
        cause.missing().forEach(line -> description.append("  - ").append(line).append('\n'));
        return new FailureAnalysis(description.toString(),
                "Set each variable above (README, \"Going to production\"), or start a demo with --demo.", cause);
    }
}
