package o2o.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import o2o.notifications.Message;
import o2o.notifications.MessageKind;
import o2o.notifications.Notifications;
import o2o.notifications.delivery.FakeGateway.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each SDK-based sender against a local fake of its gateway that checks signatures like the real one. */
class SmsGatewayContractTests {

    static final String KEY_ID = "LTAI-test-key";
    static final String SECRET = "test-secret-that-signs";

    final FakeAliyunSms aliyun = new FakeAliyunSms(KEY_ID, SECRET);
    final FakeTencentSms tencent = new FakeTencentSms(KEY_ID, SECRET, "1400000001");

    @AfterEach
    void stop() {
        aliyun.close();
        tencent.close();
    }

    static Map<MessageKind, String> templates(String prefix) {
        var templates = new EnumMap<MessageKind, String>(MessageKind.class);
        for (var kind : MessageKind.values()) templates.put(kind, prefix + kind.ordinal());
        return templates;
    }

    static SmsProperties aliyunAt(String endpoint, String secret) {
        return new SmsProperties(SmsProperties.Provider.ALIYUN, KEY_ID, secret, "", endpoint, "", "o2o生活",
                templates("SMS_4700"));
    }

    static SmsProperties tencentAt(String endpoint, String secret) {
        return new SmsProperties(SmsProperties.Provider.TENCENT, KEY_ID, secret, "", endpoint, "1400000001",
                "o2o生活", templates("210"));
    }

    static Message signInCode(String phone, String code) {
        return new Message(UUID.randomUUID(), Notifications.Channel.SMS, phone, MessageKind.SIGN_IN_CODE,
                Map.of("minutes", "5", "code", code), "【o2o】验证码 " + code + "，5 分钟内有效。请勿告诉他人。",
                Instant.now(), null, null);
    }

    @Test
    void aliyunReceivesTheSignInCodeAsItsTemplateWithTheSignNameNumberAndNamedParameters() {
        var message = signInCode("13912345678", "042917");
        new AliyunSmsSender(aliyunAt(aliyun.endpoint(), SECRET)).send(message);

        assertThat(aliyun.refusedSignatures).isEmpty();
        assertThat(aliyun.received).singleElement().satisfies(sms -> {
            assertThat(sms.phone()).isEqualTo("13912345678");
            assertThat(sms.signName()).isEqualTo("o2o生活");
            assertThat(sms.template()).isEqualTo("SMS_4700" + MessageKind.SIGN_IN_CODE.ordinal());
            assertThat(sms.namedParams()).containsExactly(Map.entry("code", "042917"), Map.entry("minutes", "5"));
            assertThat(sms.reference()).isEqualTo(message.id().toString());
        });
    }

    @Test
    void tencentReceivesTheSignInCodeWithTheNumberInE164AndParametersInTemplateOrder() {
        var message = signInCode("13912345678", "042917");
        new TencentSmsSender(tencentAt(tencent.endpoint(), SECRET)).send(message);

        assertThat(tencent.refusedSignatures).isEmpty();
        assertThat(tencent.received).singleElement().satisfies(sms -> {
            assertThat(sms.phone()).isEqualTo("+8613912345678");
            assertThat(sms.signName()).isEqualTo("o2o生活");
            assertThat(sms.template()).isEqualTo("210" + MessageKind.SIGN_IN_CODE.ordinal());
            assertThat(sms.positionalParams()).containsExactly("042917", "5");
            assertThat(sms.reference()).isEqualTo(message.id().toString());
        });
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefusedByEitherGatewayAndLeftForAnotherTry() {
        var message = signInCode("13912345678", "042917");

        assertThatThrownBy(() -> new AliyunSmsSender(aliyunAt(aliyun.endpoint(), "not-the-secret")).send(message))
                .isInstanceOf(CarrierUnavailable.class).hasMessageContaining("SignatureDoesNotMatch");
        assertThatThrownBy(() -> new TencentSmsSender(tencentAt(tencent.endpoint(), "not-the-secret")).send(message))
                .isInstanceOf(CarrierUnavailable.class).hasMessageContaining("AuthFailure.SignatureFailure");

        assertThat(aliyun.refusedSignatures).containsExactly("SignatureDoesNotMatch");
        assertThat(tencent.refusedSignatures).containsExactly("AuthFailure.SignatureFailure");
        assertThat(aliyun.received).isEmpty();
        assertThat(tencent.received).isEmpty();
    }

    @Test
    void aServerErrorIsWorthAnotherTryButAnInvalidNumberIsRefusedForGood() {
        var aliyunSender = new AliyunSmsSender(aliyunAt(aliyun.endpoint(), SECRET));
        var tencentSender = new TencentSmsSender(tencentAt(tencent.endpoint(), SECRET));
        aliyun.script("13912345678", Outcome.SERVER_ERROR, Outcome.INVALID_NUMBER);
        tencent.script("+8613912345678", Outcome.SERVER_ERROR, Outcome.INVALID_NUMBER);
        var message = signInCode("13912345678", "042917");

        assertThatThrownBy(() -> aliyunSender.send(message)).isInstanceOf(CarrierUnavailable.class);
        assertThatThrownBy(() -> tencentSender.send(message)).isInstanceOf(CarrierUnavailable.class);
        assertThatThrownBy(() -> aliyunSender.send(message)).isInstanceOf(MessageRefused.class)
                .hasMessageContaining("isv.MOBILE_NUMBER_ILLEGAL");
        assertThatThrownBy(() -> tencentSender.send(message)).isInstanceOf(MessageRefused.class)
                .hasMessageContaining("InvalidParameterValue.IncorrectPhoneNumber");
        assertThat(aliyun.received).isEmpty();
        assertThat(tencent.received).isEmpty();
    }

    @Test
    void aKindWithoutATemplateIsRefusedWithoutCallingTheGateway() {
        var properties = new SmsProperties(SmsProperties.Provider.ALIYUN, KEY_ID, SECRET, "", aliyun.endpoint(), "",
                "o2o生活", Map.of(MessageKind.SIGN_IN_CODE, "SMS_1"));
        var approved = new Message(UUID.randomUUID(), Notifications.Channel.SMS, "13912345678",
                MessageKind.MERCHANT_APPROVED, Map.of(), "approved", Instant.now(), null, null);

        assertThatThrownBy(() -> new AliyunSmsSender(properties).send(approved)).isInstanceOf(MessageRefused.class)
                .hasMessageContaining("O2O_SMS_TEMPLATE_MERCHANT_APPROVED");
        assertThat(aliyun.received).isEmpty();
        assertThat(aliyun.refusedSignatures).isEmpty();
    }
}
