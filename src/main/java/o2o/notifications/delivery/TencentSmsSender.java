package o2o.notifications.delivery;

import java.util.Objects;
import java.util.Set;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import com.tencentcloudapi.sms.v20210111.models.SendSmsRequest;
import o2o.notifications.Message;
import org.jspecify.annotations.Nullable;

/**
 * Tencent Cloud SMS ({@code SendSms} of API 2021-01-11, signed by the SDK with TC3-HMAC-SHA256). Numbers go in
 * E.164 form ({@code +86...}), template parameters by position; the message id goes along as
 * {@code SessionContext}. A request can be accepted while the number in it is refused, so the number's own status
 * decides.
 */
class TencentSmsSender implements MessageSender {

    /** Codes that will not change on another try: the number, the template, the signature or a parameter is wrong. */
    private static final Set<String> PERMANENT = Set.of("FailedOperation.TemplateIncorrectOrUnapproved",
            "FailedOperation.SignatureIncorrectOrUnapproved", "FailedOperation.PhoneNumberInBlacklist",
            "FailedOperation.ContainSensitiveWord", "FailedOperation.PhoneNumberParseFail",
            "FailedOperation.TemplateParamSetNotMatchApprovedTemplate",
            "UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber",
            "UnsupportedOperation.UnsupportedRegion");

    private final SmsClient client;
    private final SmsProperties sms;

    TencentSmsSender(SmsProperties sms) {
        this.sms = sms;
        var address = GatewayAddress.of(sms.endpoint(), "sms.tencentcloudapi.com");
        var http = new HttpProfile();
        http.setEndpoint(address.host());
        http.setProtocol(address.https() ? HttpProfile.REQ_HTTPS : HttpProfile.REQ_HTTP);
        http.setConnTimeout(5);
        http.setReadTimeout(10);
        var profile = new ClientProfile();
        profile.setHttpProfile(http);
        this.client = new SmsClient(new Credential(sms.accessKeyId(), sms.accessKeySecret()),
                sms.region().isBlank() ? "ap-guangzhou" : sms.region(), profile);
    }

    @Override
    public void send(Message message) {
        var template = Templates.of(message, sms);
        var kind = Objects.requireNonNull(message.kind());
        var request = new SendSmsRequest();
        request.setSmsSdkAppId(sms.sdkAppId());
        request.setSignName(sms.signName());
        request.setTemplateId(template);
        request.setPhoneNumberSet(new String[] {"+86" + message.recipient()});
        request.setTemplateParamSet(kind.parameters().stream().map(message.params()::get).toArray(String[]::new));
        request.setSessionContext(message.id().toString());
        try {
            var statuses = client.SendSms(request).getSendStatusSet();
            if (statuses == null || statuses.length != 1) {
                throw new CarrierUnavailable("Tencent Cloud SMS answered without the number's status");
            }
            var status = statuses[0];
            if ("Ok".equalsIgnoreCase(status.getCode())) return;
            throw failure(status.getCode(), status.getMessage(), null);
        } catch (TencentCloudSDKException e) {
            throw failure(e.getErrorCode(), e.getMessage() + " (request " + e.getRequestId() + ")", e);
        }
    }

    private static RuntimeException failure(@Nullable String code, String detail, @Nullable Exception cause) {
        var text = "Tencent Cloud SMS: " + code + " " + detail;
        if (code != null && (PERMANENT.contains(code) || code.startsWith("InvalidParameterValue.")
                || code.startsWith("InvalidParameter."))) {
            return new MessageRefused(text);
        }
        return cause == null ? new CarrierUnavailable(text) : new CarrierUnavailable(text, cause);
    }
}
