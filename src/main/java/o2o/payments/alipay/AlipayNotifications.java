package o2o.payments.alipay;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import org.springframework.stereotype.Component;

/** Alipay's asynchronous notifications, checked against the merchant's account before anything is believed. */
@Component
class AlipayNotifications {

    private final AlipayClients clients;

    AlipayNotifications(AlipayClients clients) {
        this.clients = clients;
    }

    /**
     * A notification's parameters as Alipay sent them, when its RSA2 signature holds for this merchant's Alipay key
     * and it is addressed to this merchant's app and account; empty otherwise.
     */
    Optional<Map<String, String>> verified(UUID merchantId, Map<String, String> params) {
        var client = clients.find(merchantId);
        if (client.isEmpty()) return Optional.empty();
        var account = client.get().account();
        if (!AlipayClients.SIGN_TYPE.equals(params.get("sign_type")) || params.get("sign") == null) {
            return Optional.empty();
        }
        try {
            // the SDK's rsaCertCheckV1 reads the certificate from a file; this is the same check on its key
            if (!AlipaySignature.rsaCheckV1(new HashMap<>(params), account.alipayVerificationKey(),
                    AlipayClients.CHARSET, AlipayClients.SIGN_TYPE)) {
                return Optional.empty();
            }
        } catch (AlipayApiException e) {
            return Optional.empty();
        }
        if (!account.appId().equals(params.get("app_id")) || !account.sellerId().equals(params.get("seller_id"))) {
            return Optional.empty();
        }
        return Optional.of(params);
    }
}
