package o2o.payments.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import tools.jackson.databind.JsonNode;

/** A merchant's SDK client, built from its settings as they were: a changed setting builds a new one. */
record AlipayClient(JsonNode settings, AlipayAccount account, DefaultAlipayClient sdk) {

    /** Calls in certificate mode go through {@code certificateExecute}, as the SDK requires. */
    <T extends AlipayResponse> T execute(AlipayRequest<T> request) {
        try {
            return account.mode() == AlipayAccount.Mode.CERTIFICATE
                    ? sdk.certificateExecute(request)
                    : sdk.execute(request);
        } catch (AlipayApiException e) {
            throw new IllegalStateException(request.getApiMethodName() + " failed: " + e.getMessage(), e);
        }
    }
}
