package o2o.notifications.delivery;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Start-up stops here: a production run without an SMS gateway, or a gateway without what it needs. */
class SmsNotConfigured extends RuntimeException {

    private final List<String> missing;

    SmsNotConfigured(SmsProperties.@Nullable Provider provider, List<String> missing) {
        super(provider == null
                ? "No SMS gateway is configured and this is no demo/dev run, so sign-in codes would reach nobody. Set "
                        + "O2O_SMS_PROVIDER to aliyun or tencent (with O2O_SMS_ACCESS_KEY_ID, O2O_SMS_ACCESS_KEY_SECRET,"
                        + " O2O_SMS_SIGN_NAME, O2O_SMS_TEMPLATE_SIGN_IN_CODE and, for tencent, O2O_SMS_SDK_APP_ID),"
                        + " or to log to only write messages to the log."
                : "The SMS gateway " + provider.name().toLowerCase(Locale.ROOT) + " lacks " + missing);
        this.missing = List.copyOf(missing);
    }

    List<String> missing() {
        return missing;
    }
}
