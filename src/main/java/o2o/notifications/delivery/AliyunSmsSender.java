package o2o.notifications.delivery;

import java.util.LinkedHashMap;
import java.util.Set;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import o2o.notifications.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud SMS ({@code SendSms} of dysmsapi 2017-05-25, signed by the SDK with ACS3-HMAC-SHA256). The template's
 * parameters go by name as a JSON object; the message id goes along as {@code OutId}, so a delivery receipt finds
 * its message.
 */
class AliyunSmsSender implements MessageSender {

    /** Codes that will not change on another try: the number, the template, the signature or a parameter is wrong. */
    private static final Set<String> PERMANENT = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT",
            "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGN_ILLEGAL",
            "isv.TEMPLATE_MISSING_PARAMETERS", "isv.TEMPLATE_PARAMS_ILLEGAL", "isv.INVALID_PARAMETERS",
            "isv.INVALID_JSON_PARAM", "isv.PARAM_LENGTH_LIMIT", "isv.BLACK_KEY_CONTROL_LIMIT",
            "isv.SMS_CONTENT_ILLEGAL", "isv.SMS_TEST_NUMBER_LIMIT", "MissingPhoneNumbers", "MissingSignName",
            "MissingTemplateCode");

    private final Client client;
    private final SmsProperties sms;

    AliyunSmsSender(SmsProperties sms) {
        this.sms = sms;
        var address = GatewayAddress.of(sms.endpoint(), "dysmsapi.aliyuncs.com");
        try {
            this.client = new Client(new Config()
                    .setAccessKeyId(sms.accessKeyId())
                    .setAccessKeySecret(sms.accessKeySecret())
                    .setRegionId(sms.region().isBlank() ? "cn-hangzhou" : sms.region())
                    .setEndpoint(address.host())
                    .setProtocol(address.https() ? "HTTPS" : "HTTP")
                    .setConnectTimeout(5_000)
                    .setReadTimeout(10_000));
        } catch (Exception e) {
            throw new IllegalStateException("Alibaba Cloud SMS client: " + e.getMessage(), e);
        }
    }

    @Override
    public void send(Message message) {
        var template = Templates.of(message, sms);
        var request = new SendSmsRequest()
                .setPhoneNumbers(message.recipient())
                .setSignName(sms.signName())
                .setTemplateCode(template)
                .setOutId(message.id().toString());
        if (!message.params().isEmpty()) {
            var ordered = new LinkedHashMap<String, String>();
            for (var name : message.kind().parameters()) ordered.put(name, message.params().get(name));
            request.setTemplateParam(JsonMapper.shared().writeValueAsString(ordered));
        }
        String code;
        String detail;
        try {
            var body = client.sendSms(request).getBody();
            code = body.getCode();
            detail = body.getMessage() + " (request " + body.getRequestId() + ")";
        } catch (TeaException e) {
            code = e.getCode();
            detail = e.getMessage();
            if (!PERMANENT.contains(code)) throw new CarrierUnavailable("Alibaba Cloud SMS: " + code + " " + detail, e);
        } catch (Exception e) {
            throw new CarrierUnavailable("Alibaba Cloud SMS unreachable: " + e, e);
        }
        if ("OK".equalsIgnoreCase(code)) return;
        if (PERMANENT.contains(code)) throw new MessageRefused("Alibaba Cloud SMS refused it: " + code + " " + detail);
        throw new CarrierUnavailable("Alibaba Cloud SMS: " + code + " " + detail);
    }
}
