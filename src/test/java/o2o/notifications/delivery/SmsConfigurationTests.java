package o2o.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Which carrier a run gets, and that a production run without one does not start. */
class SmsConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsProperties.class)
    @Import(SmsConfiguration.class)
    static class Carrier {}

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Carrier.class);

    @Test
    void aRunWithTheDevInboxAndNoProviderWritesSmsToTheLog() {
        runner.withPropertyValues("o2o.notifications.dev-inbox=true").run(context ->
                assertThat(context).getBean(MessageSender.class).isInstanceOf(LoggingMessageSender.class));
    }

    @Test
    void aProductionRunWithoutAProviderDoesNotStartAndSaysWhatToSet() {
        runner.withPropertyValues("o2o.notifications.dev-inbox=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SmsNotConfigured.class)
                    .hasMessageContaining("O2O_SMS_PROVIDER");
            var analysis = new SmsNotConfiguredFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).contains("O2O_SMS_PROVIDER");
        });
    }

    @Test
    void aProviderWithoutItsKeysSignatureAndSignInTemplateDoesNotStartAndNamesEachVariable() {
        runner.withPropertyValues("o2o.notifications.sms.provider=tencent").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(SmsNotConfigured.class,
                    failure -> assertThat(failure.missing()).containsExactly("O2O_SMS_ACCESS_KEY_ID",
                            "O2O_SMS_ACCESS_KEY_SECRET", "O2O_SMS_SDK_APP_ID", "O2O_SMS_SIGN_NAME",
                            "O2O_SMS_TEMPLATE_SIGN_IN_CODE"));
        });
    }

    @Test
    void anExplicitLogProviderIsAllowedAnywhere() {
        runner.withPropertyValues("o2o.notifications.sms.provider=log").run(context ->
                assertThat(context).getBean(MessageSender.class).isInstanceOf(LoggingMessageSender.class));
    }

    @Test
    void aConfiguredProviderGetsItsSenderWithTemplatesBoundPerKind() {
        runner.withPropertyValues("o2o.notifications.sms.provider=aliyun",
                "o2o.notifications.sms.access-key-id=LTAI-id", "o2o.notifications.sms.access-key-secret=secret",
                "o2o.notifications.sms.sign-name=o2o生活", "o2o.notifications.sms.templates.sign-in-code=SMS_1",
                "o2o.notifications.sms.templates.vouchers-issued=SMS_2",
                "o2o.notifications.sms.templates.pickup-ready=").run(context -> {
            assertThat(context).getBean(MessageSender.class).isInstanceOf(AliyunSmsSender.class);
            var sms = context.getBean(SmsProperties.class);
            assertThat(sms.template(o2o.notifications.MessageKind.SIGN_IN_CODE)).isEqualTo("SMS_1");
            assertThat(sms.template(o2o.notifications.MessageKind.VOUCHERS_ISSUED)).isEqualTo("SMS_2");
            assertThat(sms.template(o2o.notifications.MessageKind.PICKUP_READY)).isNull();
        });
    }
}
