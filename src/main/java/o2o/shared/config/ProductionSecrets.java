package o2o.shared.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production run that would sign or encrypt with a random per-run secret, or that would offer the
 * sandbox gateway or the sandbox courier fleet. Random secrets and the sandboxes are for demo, dev and test runs (the
 * {@code demo}, {@code dev} and {@code test} profiles); anywhere else each missing variable is named in one message
 * before anything starts.
 */
public class ProductionSecrets implements EnvironmentPostProcessor {

    private static final Set<String> STAND_IN_PROFILES = Set.of("demo", "dev", "test");

    /** A secret the platform signs or encrypts with: its property and the variable that sets it. */
    record Secret(String property, String variable, String what) {}

    static final List<Secret> SECRETS = List.of(
            new Secret("o2o.identity.token-secret", "O2O_TOKEN_SECRET", "signs API tokens (base64, 32+ bytes)"),
            new Secret("o2o.vouchers.qr-secret", "O2O_VOUCHER_QR_SECRET", "signs voucher QR codes"),
            new Secret("o2o.loyalty.member-qr-secret", "O2O_MEMBER_QR_SECRET", "signs member QR codes"),
            new Secret("o2o.mallevents.qr-secret", "O2O_EVENT_QR_SECRET", "signs mall event tickets"),
            new Secret("o2o.payments.key-encryption-key", "O2O_PAYMENTS_KEY",
                    "encrypts merchants' gateway keys at rest (base64, 32 bytes)"));

    /** What an SMS carrier needs (the notifications module checks the same at start-up, in every run). */
    static final List<Secret> SMS_SETTINGS = List.of(
            new Secret("o2o.notifications.sms.access-key-id", "O2O_SMS_ACCESS_KEY_ID", "the carrier's access key id"),
            new Secret("o2o.notifications.sms.access-key-secret", "O2O_SMS_ACCESS_KEY_SECRET",
                    "the carrier's access key secret"),
            new Secret("o2o.notifications.sms.sdk-app-id", "O2O_SMS_SDK_APP_ID", "Tencent Cloud's SmsSdkAppId"),
            new Secret("o2o.notifications.sms.sign-name", "O2O_SMS_SIGN_NAME", "the approved SMS signature"),
            new Secret("o2o.notifications.sms.templates.sign-in-code", "O2O_SMS_TEMPLATE_SIGN_IN_CODE",
                    "the template of sign-in codes"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (standIn(environment)) return;
        var problems = new ArrayList<String>();
        for (var secret : SECRETS) {
            if (environment.getProperty(secret.property(), "").isBlank()) {
                problems.add(secret.variable() + " (" + secret.property() + "): " + secret.what());
            }
        }
        var sms = environment.getProperty("o2o.notifications.sms.provider", "").strip();
        if (sms.isEmpty() && !environment.getProperty("o2o.notifications.dev-inbox", Boolean.class, false)) {
            problems.add("O2O_SMS_PROVIDER (o2o.notifications.sms.provider): aliyun or tencent, with its keys, sign "
                    + "name and templates (README, \"Going to production\")");
        }
        if (sms.equals("aliyun") || sms.equals("tencent")) {
            for (var setting : SMS_SETTINGS) {
                if (setting.property().endsWith("sdk-app-id") && !sms.equals("tencent")) continue;
                if (environment.getProperty(setting.property(), "").isBlank()) {
                    problems.add(setting.variable() + " (" + setting.property() + "): " + setting.what());
                }
            }
        }
        if (!environment.getProperty("o2o.identity.wechat.app-id", "").isBlank()
                && environment.getProperty("o2o.identity.wechat.app-secret", "").isBlank()) {
            problems.add("O2O_WECHAT_APP_SECRET (o2o.identity.wechat.app-secret): WeChat sign-in is on "
                    + "(O2O_WECHAT_APP_ID) but cannot exchange codes without its secret");
        }
        if (environment.getProperty("o2o.payments.sandbox.enabled", Boolean.class, false)) {
            problems.add("o2o.payments.sandbox.enabled=true: the sandbox gateway takes no money and exists only in "
                    + "demo, dev and test runs");
        }
        if (environment.getProperty("o2o.delivery.providers.sandbox.enabled", Boolean.class, false)) {
            problems.add("o2o.delivery.providers.sandbox.enabled=true: the sandbox courier fleet carries nothing and "
                    + "exists only in demo, dev and test runs");
        }
        if (!problems.isEmpty()) throw new MissingSecrets(problems);
    }

    static boolean standIn(ConfigurableEnvironment environment) {
        for (var profile : environment.getActiveProfiles()) {
            if (STAND_IN_PROFILES.contains(profile)) return true;
        }
        return false;
    }
}
