package o2o.payments.alipay;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.payments.ProviderAccounts;
import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** One SDK client per merchant, kept while the merchant's settings stay the same. */
@Component
class AlipayClients {

    static final String CHARSET = "UTF-8";
    static final String SIGN_TYPE = "RSA2";

    private final ProviderAccounts accounts;
    private final AlipayProperties properties;
    private final Cache<UUID, AlipayClient> clients = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    AlipayClients(ProviderAccounts accounts, AlipayProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    /** The merchant's client; refused when the merchant has no Alipay account. */
    AlipayClient of(UUID merchantId) {
        var settings = accounts.settings(merchantId, AlipayGateway.NAME)
                .orElseThrow(() -> new Problem(HttpStatus.CONFLICT, "payment-provider-unavailable",
                        "this merchant has no Alipay account", AlipayGateway.NAME));
        return of(merchantId, settings);
    }

    /** The merchant's client, or empty when it has no Alipay account. */
    Optional<AlipayClient> find(UUID merchantId) {
        return accounts.settings(merchantId, AlipayGateway.NAME).map(settings -> of(merchantId, settings));
    }

    private AlipayClient of(UUID merchantId, JsonNode settings) {
        var cached = clients.getIfPresent(merchantId);
        if (cached != null && cached.settings().equals(settings)) return cached;
        var account = AlipayAccount.of(settings);
        var client = new AlipayClient(settings, account, sdkClient(account));
        clients.put(merchantId, client);
        return client;
    }

    /** Builds the SDK's client for the account; refused when the SDK cannot use its certificates. */
    DefaultAlipayClient sdkClient(AlipayAccount account) {
        var config = new AlipayConfig();
        config.setServerUrl(properties.gatewayUrl());
        config.setAppId(account.appId());
        config.setPrivateKey(account.appPrivateKey());
        config.setFormat("json");
        config.setCharset(CHARSET);
        config.setSignType(SIGN_TYPE);
        config.setConnectTimeout((int) properties.connectTimeout().toMillis());
        config.setReadTimeout((int) properties.readTimeout().toMillis());
        if (account.mode() == AlipayAccount.Mode.PUBLIC_KEY) {
            config.setAlipayPublicKey(account.alipayPublicKey());
        } else {
            config.setAppCertContent(account.appCertificate());
            config.setAlipayPublicCertContent(account.alipayCertificate());
            config.setRootCertContent(account.alipayRootCertificate());
        }
        try {
            return new DefaultAlipayClient(config);
        } catch (AlipayApiException e) {
            throw new InvalidInput("appCertificate", "the SDK cannot use these certificates: " + e.getMessage());
        }
    }
}
