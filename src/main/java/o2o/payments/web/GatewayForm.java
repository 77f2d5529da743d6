package o2o.payments.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The settings form of a gateway as its owner fills it in. Keys and certificates are secrets here: they are never shown
 * back, so they are pasted again on every save. Fields of the verification mode not chosen are left out of what is
 * saved, so a certificate still pasted in the other mode's box cannot make the settings ambiguous.
 *
 * @param modeIsSetting true when the gateway's settings carry the mode itself (WeChat Pay); Alipay tells the mode by
 *     which keys are given
 */
record GatewayForm(String provider, List<Field> fields, boolean modeIsSetting) {

    static final List<String> MODES = List.of("PUBLIC_KEY", "CERTIFICATE");
    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN [A-Z ]+-----.*?-----END [A-Z ]+-----",
            Pattern.DOTALL);

    enum Kind { TEXT, SECRET, PEM, PEM_LIST }

    static Optional<GatewayForm> of(String provider) {
        return Optional.ofNullable(switch (provider) {
            case "wechatpay" -> new GatewayForm(provider, List.of(
                    new Field("mchId", Kind.TEXT, null),
                    new Field("appId", Kind.TEXT, null),
                    new Field("merchantSerialNumber", Kind.TEXT, null),
                    new Field("privateKey", Kind.PEM, null),
                    new Field("apiV3Key", Kind.SECRET, null),
                    new Field("platformPublicKeyId", Kind.TEXT, "PUBLIC_KEY"),
                    new Field("platformPublicKey", Kind.PEM, "PUBLIC_KEY"),
                    new Field("platformCertificates", Kind.PEM_LIST, "CERTIFICATE")), true);
            case "alipay" -> new GatewayForm(provider, List.of(
                    new Field("appId", Kind.TEXT, null),
                    new Field("sellerId", Kind.TEXT, null),
                    new Field("appPrivateKey", Kind.PEM, null),
                    new Field("alipayPublicKey", Kind.PEM, "PUBLIC_KEY"),
                    new Field("appCertificate", Kind.PEM, "CERTIFICATE"),
                    new Field("alipayCertificate", Kind.PEM, "CERTIFICATE"),
                    new Field("alipayRootCertificate", Kind.PEM, "CERTIFICATE")), false);
            default -> null;
        });
    }

    public List<Field> common() {
        return fields.stream().filter(f -> f.mode() == null).toList();
    }

    public List<Field> inMode(String mode) {
        return fields.stream().filter(f -> mode.equals(f.mode())).toList();
    }

    boolean has(String field) {
        return "mode".equals(field) || fields.stream().anyMatch(f -> f.name().equals(field));
    }

    /** The chosen mode, PUBLIC_KEY unless CERTIFICATE was chosen. */
    static String mode(@Nullable String posted) {
        return "CERTIFICATE".equals(posted) ? "CERTIFICATE" : "PUBLIC_KEY";
    }

    /** The settings for the gateway's adapter to check, from what was posted; never throws (the adapter judges). */
    ObjectNode settings(Map<String, String> posted, JsonMapper json) {
        var mode = mode(posted.get("mode"));
        var settings = json.createObjectNode();
        if (modeIsSetting) settings.put("mode", mode);
        for (var field : fields) {
            if (field.mode() != null && !field.mode().equals(mode)) continue;
            var value = posted.getOrDefault(field.name(), "").strip();
            if (field.list()) {
                var items = settings.putArray(field.name());
                pems(value).forEach(items::add);
            } else if (!value.isEmpty()) {
                settings.put(field.name(), value);
            }
        }
        return settings;
    }

    /** Several certificates pasted into one box, one after another. */
    private static List<String> pems(String text) {
        var found = new ArrayList<String>();
        var matcher = PEM_BLOCK.matcher(text);
        while (matcher.find()) found.add(matcher.group());
        if (found.isEmpty() && !text.isEmpty()) found.add(text);
        return found;
    }
}
