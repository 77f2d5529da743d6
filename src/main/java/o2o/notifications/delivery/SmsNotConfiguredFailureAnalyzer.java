package o2o.notifications.delivery;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which variables to set, instead of a stack trace, when the SMS gateway is not configured. */
class SmsNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<SmsNotConfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SmsNotConfigured cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variables " + String.join(", ", cause.missing())
                        + " (or the o2o.notifications.sms.* properties behind them); demo and dev runs"
                        + " (--demo, profile dev) write SMS to the log and the dev inbox instead.",
                cause);
    }
}
