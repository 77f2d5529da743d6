package o2o.payments.alipay;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.alipay.api.internal.util.AntCertificationUtil;
import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's Alipay app: its app id, the merchant's PID, the app's RSA2 private key, and how Alipay's answers are
 * verified — by Alipay's public key, or by certificates (the app's, Alipay's, and Alipay's root). Built only from
 * settings that parse, so an account that is saved can be used.
 */
record AlipayAccount(String appId, String sellerId, String appPrivateKey, @Nullable String alipayPublicKey,
        @Nullable String appCertificate, @Nullable String alipayCertificate, @Nullable String alipayRootCertificate) {

    enum Mode { PUBLIC_KEY, CERTIFICATE }

    static AlipayAccount of(JsonNode settings) {
        var appId = text(settings, "appId");
        if (appId == null || !appId.matches("\\d{16}")) throw new InvalidInput("appId", "an Alipay app id has 16 digits");
        var sellerId = text(settings, "sellerId");
        if (sellerId == null || !sellerId.matches("2088\\d{12}")) {
            throw new InvalidInput("sellerId", "an Alipay PID has 16 digits starting with 2088");
        }
        var privateKey = text(settings, "appPrivateKey");
        if (privateKey == null) throw new InvalidInput("appPrivateKey", "required");
        privateKey = pemBody(privateKey);
        var appKey = privateKey(privateKey);
        var publicKey = text(settings, "alipayPublicKey");
        var appCert = text(settings, "appCertificate");
        var alipayCert = text(settings, "alipayCertificate");
        var rootCert = text(settings, "alipayRootCertificate");
        boolean anyCert = appCert != null || alipayCert != null || rootCert != null;
        if (publicKey != null && anyCert) {
            throw new InvalidInput("alipayPublicKey", "either Alipay's public key or the three certificates, not both");
        }
        if (publicKey != null) {
            publicKey = pemBody(publicKey);
            var alipayKey = publicKey("alipayPublicKey", publicKey);
            if (alipayKey.getModulus().equals(appKey.getModulus())) {
                throw new InvalidInput("alipayPublicKey", "this is the app's own public key, not Alipay's");
            }
            return new AlipayAccount(appId, sellerId, privateKey, publicKey, null, null, null);
        }
        if (appCert == null) throw new InvalidInput("appCertificate", "required in certificate mode (or give alipayPublicKey)");
        if (alipayCert == null) throw new InvalidInput("alipayCertificate", "required in certificate mode");
        if (rootCert == null) throw new InvalidInput("alipayRootCertificate", "required in certificate mode");
        var app = certificate("appCertificate", appCert);
        if (!(app.getPublicKey() instanceof RSAPublicKey appPublic) || !appPublic.getModulus().equals(appKey.getModulus())) {
            throw new InvalidInput("appCertificate", "does not belong to the app's private key");
        }
        certificate("alipayCertificate", alipayCert);
        if (AntCertificationUtil.getRootCertSN(rootCert) == null) {
            throw new InvalidInput("alipayRootCertificate", "no RSA certificate in it");
        }
        if (!trusted(alipayCert, rootCert)) {
            throw new InvalidInput("alipayCertificate", "not issued under the given Alipay root certificate");
        }
        return new AlipayAccount(appId, sellerId, privateKey, null, appCert, alipayCert, rootCert);
    }

    Mode mode() {
        return alipayPublicKey != null ? Mode.PUBLIC_KEY : Mode.CERTIFICATE;
    }

    /** Alipay's public key (base64 X.509), as given or taken from Alipay's certificate: what its signatures verify with. */
    String alipayVerificationKey() {
        if (alipayPublicKey != null) return alipayPublicKey;
        return Base64.getEncoder().encodeToString(certificate("alipayCertificate", alipayCertificate).getPublicKey().getEncoded());
    }

    /** What the console may show: never a key. */
    Map<String, Object> shown() {
        var shown = new LinkedHashMap<String, Object>();
        shown.put("appId", appId);
        shown.put("sellerId", sellerId);
        shown.put("mode", mode().name());
        return shown;
    }

    private static @Nullable String text(JsonNode settings, String field) {
        var value = settings.path(field);
        if (!value.isString()) return null;
        var text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The base64 of a key, whether given bare (as Alipay's key tool shows it) or as PEM. */
    private static String pemBody(String key) {
        return key.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s", "");
    }

    private static RSAPrivateCrtKey privateKey(String base64) {
        try {
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(key instanceof RSAPrivateCrtKey rsa)) throw new InvalidInput("appPrivateKey", "not an RSA key");
            if (rsa.getModulus().bitLength() < 2048) throw new InvalidInput("appPrivateKey", "RSA2 keys have 2048 bits");
            return rsa;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInput("appPrivateKey", "not an RSA private key in PKCS8 (the \"Java\" key of Alipay's key tool)");
        }
    }

    private static RSAPublicKey publicKey(String field, String base64) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidInput(field, "not an RSA public key");
        }
    }

    private static boolean trusted(String certificate, String root) {
        try {
            return AntCertificationUtil.isTrusted(certificate, root);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static X509Certificate certificate(String field, @Nullable String pem) {
        try {
            if (pem == null) throw new CertificateException("none");
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new InvalidInput(field, "not a PEM certificate");
        }
    }
}
