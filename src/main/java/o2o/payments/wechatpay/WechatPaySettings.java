package o2o.payments.wechatpay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wechat.pay.java.core.util.PemUtil;
import o2o.shared.InvalidInput;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's account at WeChat Pay, as its owner saves it: the merchant number and the app the payer pays in, the
 * merchant's API key pair (private key and its certificate's serial), the APIv3 key that encrypts notifications, and
 * how WeChat Pay's own signatures are verified — by the platform public key (public key mode, the current one) or by
 * the platform certificates (certificate mode, for older accounts).
 */
record WechatPaySettings(String mchId, String appId, String merchantSerialNumber, PrivateKey privateKey,
        String apiV3Key, Mode mode, String platformPublicKeyId, PublicKey platformPublicKey,
        List<X509Certificate> platformCertificates, List<String> platformCertificatePems, String fingerprint) {

    enum Mode { PUBLIC_KEY, CERTIFICATE }

    /** Reads and checks settings; throws {@link InvalidInput} naming the first field that is wrong. */
    static WechatPaySettings of(JsonNode given) {
        var mchId = required(given, "mchId");
        if (!mchId.matches("\\d{8,12}")) throw new InvalidInput("mchId", "a WeChat Pay merchant number is 8 to 12 digits");
        var appId = required(given, "appId");
        if (!appId.matches("wx[0-9a-zA-Z]{14,30}")) throw new InvalidInput("appId", "an app id starts with wx");
        var serial = required(given, "merchantSerialNumber");
        if (!serial.matches("[0-9A-Fa-f]{8,64}")) {
            throw new InvalidInput("merchantSerialNumber", "the merchant certificate's serial number is hexadecimal");
        }
        PrivateKey privateKey;
        try {
            privateKey = PemUtil.loadPrivateKeyFromString(required(given, "privateKey"));
        } catch (RuntimeException e) {
            throw new InvalidInput("privateKey", "not a PEM RSA private key (apiclient_key.pem)");
        }
        var apiV3Key = required(given, "apiV3Key");
        if (apiV3Key.getBytes(StandardCharsets.UTF_8).length != 32) {
            throw new InvalidInput("apiV3Key", "the APIv3 key is 32 characters");
        }
        var modeName = given.path("mode").asString("PUBLIC_KEY");
        Mode mode;
        try {
            mode = Mode.valueOf(modeName);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("mode", "PUBLIC_KEY or CERTIFICATE");
        }
        String publicKeyId = "";
        PublicKey publicKey = null;
        var certificates = new ArrayList<X509Certificate>();
        var certificatePems = new ArrayList<String>();
        if (mode == Mode.PUBLIC_KEY) {
            publicKeyId = required(given, "platformPublicKeyId");
            if (!publicKeyId.matches("PUB_KEY_ID_[0-9A-Za-z]{1,64}")) {
                throw new InvalidInput("platformPublicKeyId", "a public key id looks like PUB_KEY_ID_…");
            }
            try {
                publicKey = PemUtil.loadPublicKeyFromString(required(given, "platformPublicKey"));
            } catch (RuntimeException e) {
                throw new InvalidInput("platformPublicKey", "not a PEM public key (pub_key.pem)");
            }
        } else {
            var pems = given.path("platformCertificates");
            if (!pems.isArray() || pems.isEmpty()) {
                throw new InvalidInput("platformCertificates", "at least one WeChat Pay platform certificate (PEM)");
            }
            for (var pem : pems) {
                try {
                    certificates.add(PemUtil.loadX509FromString(pem.asString("")));
                    certificatePems.add(pem.asString(""));
                } catch (RuntimeException e) {
                    throw new InvalidInput("platformCertificates", "not a PEM X.509 certificate");
                }
            }
        }
        return new WechatPaySettings(mchId, appId, serial.toUpperCase(), privateKey, apiV3Key, mode, publicKeyId,
                publicKey, List.copyOf(certificates), List.copyOf(certificatePems), fingerprint(given));
    }

    /** What the console may show: no key, no secret. */
    Map<String, Object> shown() {
        var shown = new LinkedHashMap<String, Object>();
        shown.put("mchId", mchId);
        shown.put("appId", appId);
        shown.put("merchantSerialNumber", merchantSerialNumber);
        shown.put("mode", mode.name());
        if (mode == Mode.PUBLIC_KEY) {
            shown.put("platformPublicKeyId", platformPublicKeyId);
        } else {
            shown.put("platformCertificateSerialNumbers",
                    platformCertificates.stream().map(PemUtil::getSerialNumber).toList());
        }
        return shown;
    }

    private static String required(JsonNode given, String field) {
        var value = given.path(field).asString("").strip();
        if (value.isEmpty()) throw new InvalidInput(field, "required");
        return value;
    }

    /** A hash of the settings as saved, so that clients built from older settings are not used after a change. */
    static String fingerprint(JsonNode given) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(given.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
