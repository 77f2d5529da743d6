package o2o.notifications.delivery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import o2o.notifications.MessageKind;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS gateway.
 *
 * @param provider {@code log} (write to the log only; the default where {@code o2o.notifications.dev-inbox=true}),
 *                 {@code aliyun} (Alibaba Cloud SMS) or {@code tencent} (Tencent Cloud SMS); unset outside
 *                 demo/dev/test stops the application from starting
 * @param accessKeyId the AccessKey ID (Alibaba Cloud) or SecretId (Tencent Cloud)
 * @param accessKeySecret the AccessKey secret (Alibaba Cloud) or SecretKey (Tencent Cloud)
 * @param region the gateway's region; blank is {@code cn-hangzhou} (Alibaba Cloud) or {@code ap-guangzhou} (Tencent)
 * @param endpoint the gateway's host, or a URL with {@code http://} for a local stand-in; blank is the provider's
 *                 public endpoint
 * @param sdkAppId Tencent Cloud's SmsSdkAppId
 * @param signName the approved signature (签名) put in front of every SMS
 * @param templates the approved template code (Alibaba Cloud) or id (Tencent) per message kind; a message of a kind
 *                  without one is recorded as failed
 */
@ConfigurationProperties("o2o.notifications.sms")
record SmsProperties(@Nullable Provider provider, @DefaultValue("") String accessKeyId,
        @DefaultValue("") String accessKeySecret, @DefaultValue("") String region, @DefaultValue("") String endpoint,
        @DefaultValue("") String sdkAppId, @DefaultValue("") String signName,
        @Nullable Map<MessageKind, String> templates) {

    SmsProperties {
        var given = new EnumMap<MessageKind, String>(MessageKind.class);
        if (templates != null) templates.forEach((kind, code) -> {
            if (code != null && !code.isBlank()) given.put(kind, code.strip());
        });
        templates = given;
    }

    enum Provider { LOG, ALIYUN, TENCENT }

    /** The template configured for a kind, or null. */
    @Nullable String template(MessageKind kind) {
        return templates().get(kind);
    }

    /**
     * What a provider cannot work without, as the environment variables that set it. The sign-in code's template is
     * required (without it nobody can sign in); the others are optional.
     */
    List<String> missingFor(Provider provider) {
        var missing = new ArrayList<String>();
        if (provider == Provider.LOG) return missing;
        if (accessKeyId.isBlank()) missing.add("O2O_SMS_ACCESS_KEY_ID");
        if (accessKeySecret.isBlank()) missing.add("O2O_SMS_ACCESS_KEY_SECRET");
        if (provider == Provider.TENCENT && sdkAppId.isBlank()) missing.add("O2O_SMS_SDK_APP_ID");
        if (signName.isBlank()) missing.add("O2O_SMS_SIGN_NAME");
        if (template(MessageKind.SIGN_IN_CODE) == null) missing.add(variable(MessageKind.SIGN_IN_CODE));
        return missing;
    }

    /** The environment variable of a kind's template, e.g. {@code O2O_SMS_TEMPLATE_SIGN_IN_CODE}. */
    static String variable(MessageKind kind) {
        return "O2O_SMS_TEMPLATE_" + kind.name().toUpperCase(Locale.ROOT);
    }
}
