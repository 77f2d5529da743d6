package o2o.notifications.delivery;

import java.util.Arrays;
import java.util.List;

import o2o.notifications.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the SMS carrier. The rule: an explicit {@code o2o.notifications.sms.provider} wins; without one, the logging
 * stand-in serves only runs with the dev inbox ({@code o2o.notifications.dev-inbox=true}: demo, dev, test), and any
 * other run refuses to start rather than texting nobody. A real provider also refuses to start without its keys,
 * its signature and the sign-in code's template.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean
    MessageSender smsSender(SmsProperties sms, @Value("${o2o.notifications.dev-inbox:false}") boolean devInbox) {
        var provider = sms.provider();
        if (provider == null) {
            if (!devInbox) throw new SmsNotConfigured(null, List.of("O2O_SMS_PROVIDER"));
            provider = SmsProperties.Provider.LOG;
        }
        var missing = sms.missingFor(provider);
        if (!missing.isEmpty()) throw new SmsNotConfigured(provider, missing);
        var untemplated = Arrays.stream(MessageKind.values()).filter(kind -> sms.template(kind) == null).toList();
        return switch (provider) {
            case LOG -> {
                if (!devInbox) log.warn("SMS go to the log only (o2o.notifications.sms.provider=log)");
                yield new LoggingMessageSender();
            }
            case ALIYUN -> {
                warnUntemplated(untemplated);
                yield new AliyunSmsSender(sms);
            }
            case TENCENT -> {
                warnUntemplated(untemplated);
                yield new TencentSmsSender(sms);
            }
        };
    }

    private static void warnUntemplated(List<MessageKind> kinds) {
        if (kinds.isEmpty()) return;
        log.warn("No SMS template for {}: such messages are recorded as failed, not sent (set {})", kinds,
                kinds.stream().map(SmsProperties::variable).toList());
    }
}
