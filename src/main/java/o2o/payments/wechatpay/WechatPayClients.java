package o2o.payments.wechatpay;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.RSAConfig;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.cipher.Signer;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSANotificationConfig;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.refund.RefundService;
import o2o.payments.ProviderAccounts;
import o2o.shared.Problem;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One set of SDK clients per merchant account, built from its settings once and reused. The cache is keyed by the
 * merchant and a hash of its settings, so a changed key or certificate is used from the next call on. Configs are built
 * with fixed keys or certificates only: nothing here calls WeChat Pay while building one.
 */
@Component
class WechatPayClients {

    static final String PROVIDER = "wechatpay";
    private static final List<String> SDK_HEADERS = List.of("Wechatpay-Timestamp", "Wechatpay-Nonce",
            "Wechatpay-Serial", "Wechatpay-Signature", "Wechatpay-Signature-Type", "Request-ID");

    record Client(WechatPaySettings settings, Config config, NativePayService natives, JsapiServiceExtension jsapi,
            RefundService refunds, NotificationParser notifications, Signer signer) {}

    private final ProviderAccounts accounts;
    private final OkHttpClient http;
    private final Cache<String, Client> clients = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(10_000).build();

    WechatPayClients(ProviderAccounts accounts, WechatPayProperties properties) {
        this.accounts = accounts;
        var builder = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(5, 7, TimeUnit.SECONDS)) // WeChat Pay closes idle ones after 8 s
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .addInterceptor(chain -> withSdkHeaderNames(chain.proceed(chain.request())));
        if (!properties.baseUrl().equals(WechatPayProperties.API)) {
            var base = HttpUrl.get(properties.baseUrl());
            builder.addInterceptor(chain -> {
                var request = chain.request();
                var url = request.url().newBuilder().scheme(base.scheme()).host(base.host()).port(base.port()).build();
                return chain.proceed(request.newBuilder().url(url).build());
            });
        }
        this.http = builder.build();
    }

    /**
     * HTTP header names are case-insensitive, but the SDK looks WeChat Pay's up by their exact spelling: a server or
     * proxy that sends {@code wechatpay-timestamp} (HTTP/2 always does) would fail every response's verification.
     */
    private static Response withSdkHeaderNames(Response response) {
        var headers = new Headers.Builder();
        for (int i = 0; i < response.headers().size(); i++) {
            var name = response.headers().name(i);
            var spelled = SDK_HEADERS.stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
            headers.add(spelled, response.headers().value(i));
        }
        return response.newBuilder().headers(headers.build()).build();
    }

    /** The merchant's clients; a 409 problem when the merchant has no WeChat Pay account. */
    Client of(UUID merchantId) {
        var given = accounts.settings(merchantId, PROVIDER).orElseThrow(() -> new Problem(HttpStatus.CONFLICT,
                "payment-provider-unavailable", "this merchant has no WeChat Pay account", PROVIDER));
        return clients.get(merchantId + ":" + WechatPaySettings.fingerprint(given),
                key -> build(WechatPaySettings.of(given)));
    }

    private Client build(WechatPaySettings settings) {
        Config config;
        NotificationParser notifications;
        if (settings.mode() == WechatPaySettings.Mode.PUBLIC_KEY) {
            var publicKeyConfig = new RSAPublicKeyConfig.Builder()
                    .merchantId(settings.mchId())
                    .privateKey(settings.privateKey())
                    .merchantSerialNumber(settings.merchantSerialNumber())
                    .publicKey(settings.platformPublicKey())
                    .publicKeyId(settings.platformPublicKeyId())
                    .apiV3Key(settings.apiV3Key())
                    .build();
            config = publicKeyConfig;
            notifications = new NotificationParser(publicKeyConfig);
        } else {
            config = new RSAConfig.Builder()
                    .merchantId(settings.mchId())
                    .privateKey(settings.privateKey())
                    .merchantSerialNumber(settings.merchantSerialNumber())
                    .wechatPayCertificates(settings.platformCertificatePems().toArray(String[]::new))
                    .build();
            notifications = new NotificationParser(new RSANotificationConfig.Builder()
                    .certificates(settings.platformCertificates().toArray(X509Certificate[]::new))
                    .apiV3Key(settings.apiV3Key())
                    .build());
        }
        HttpClient httpClient = new DefaultHttpClientBuilder().config(config).okHttpClient(http).build();
        return new Client(settings, config,
                new NativePayService.Builder().httpClient(httpClient).build(),
                new JsapiServiceExtension.Builder().config(config).httpClient(httpClient).build(),
                new RefundService.Builder().httpClient(httpClient).build(),
                notifications,
                config.createSigner());
    }
}
