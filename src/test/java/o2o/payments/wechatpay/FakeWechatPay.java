package o2o.payments.wechatpay;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay v3 as far as this platform uses it, in process on loopback: requests must carry a valid
 * {@code WECHATPAY2-SHA256-RSA2048} signature by a registered merchant's key, every answer is signed with the platform
 * key (as the public key {@code PUB_KEY_ID_…} or as the platform certificate, by the merchant's mode), orders and
 * refunds are kept by their out-trade and out-refund numbers, and a "paid" order is notified to the platform with its
 * resource encrypted under the merchant's APIv3 key, the way WeChat Pay does.
 */
public final class FakeWechatPay {

    public enum Mode { PUBLIC_KEY, CERTIFICATE }

    public record Merchant(String mchId, String appId, String serial, KeyPair keys, String apiV3Key, Mode mode) {

        /** The settings a merchant owner types into the console for this account. */
        public Map<String, Object> settings(FakeWechatPay fake) {
            var settings = new LinkedHashMap<String, Object>();
            settings.put("mchId", mchId);
            settings.put("appId", appId);
            settings.put("merchantSerialNumber", serial);
            settings.put("privateKey", pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            settings.put("apiV3Key", apiV3Key);
            settings.put("mode", mode.name());
            if (mode == Mode.PUBLIC_KEY) {
                settings.put("platformPublicKeyId", PUBLIC_KEY_ID);
                settings.put("platformPublicKey", pem("PUBLIC KEY", fake.platform.getPublic().getEncoded()));
            } else {
                settings.put("platformCertificates", java.util.List.of(fake.certificatePem()));
            }
            return settings;
        }
    }

    public static final class Order {
        final String mchId;
        final String appId;
        final String outTradeNo;
        final long total;
        final String notifyUrl;
        final String codeUrl;
        final String tradeType;
        volatile String payerOpenid = "";
        volatile String state = "NOTPAY";
        volatile String transactionId;
        volatile long paidTotal;

        Order(String mchId, String appId, String outTradeNo, long total, String notifyUrl, String tradeType) {
            this.mchId = mchId;
            this.appId = appId;
            this.outTradeNo = outTradeNo;
            this.total = total;
            this.notifyUrl = notifyUrl;
            this.tradeType = tradeType;
            this.codeUrl = "weixin://wxpay/bizpayurl?pr=" + random(10);
        }

        /** The payer a JSAPI payment was made out to (empty for Native). */
        public String payerOpenid() {
            return payerOpenid;
        }

        public String state() {
            return state;
        }
    }

    record Refund(String mchId, String outTradeNo, String outRefundNo, String refundId, long refund, long total,
            String notifyUrl) {}

    /** A notification as it goes over the wire, for tests to deliver as is, twice, or tampered with. */
    public record Notification(String url, Map<String, String> headers, String body) {

        public Notification withBody(String other) {
            return new Notification(url, headers, other);
        }

        public Notification withHeader(String name, String value) {
            var changed = new LinkedHashMap<>(headers);
            changed.put(name, value);
            return new Notification(url, changed, body);
        }
    }

    public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0114232010192025041500182130000000";
    private static final Pattern AUTHORIZATION = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final SecureRandom random = new SecureRandom();
    private static volatile FakeWechatPay shared;

    private final HttpServer server;
    private final KeyPair platform = rsa();
    private final X509Certificate certificate;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Merchant> merchants = new ConcurrentHashMap<>();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    private final AtomicInteger refundsCreated = new AtomicInteger();
    private final AtomicBoolean timeOutNextRefund = new AtomicBoolean();
    private volatile Duration refundDelay = Duration.ofSeconds(4);
    private volatile String appBaseUrl = "";

    /** One fake per test JVM, as the application context is one too. */
    public static synchronized FakeWechatPay shared() {
        if (shared == null) shared = new FakeWechatPay();
        return shared;
    }

    private FakeWechatPay() {
        try {
            certificate = selfSigned(platform);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where this application listens; notifications go there whatever base its notify_url had. */
    public void appBaseUrl(String url) {
        this.appBaseUrl = url;
    }

    public Merchant newMerchant(Mode mode) {
        var mchId = "1" + (100_000_000L + random.nextLong(899_999_999L));
        var merchant = new Merchant(mchId, "wx" + random(16), HexFormat.of().withUpperCase()
                .formatHex(randomBytes(20)), rsa(), random(32), mode);
        merchants.put(mchId, merchant);
        return merchant;
    }

    public String certificateSerial() {
        return certificate.getSerialNumber().toString(16).toUpperCase();
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Order order(String outTradeNo) {
        return orders.get(outTradeNo);
    }

    public int refundsCreated() {
        return refundsCreated.get();
    }

    public long refundedOf(String outTradeNo) {
        return refunds.values().stream().filter(r -> r.outTradeNo().equals(outTradeNo)).mapToLong(Refund::refund).sum();
    }

    public long refundsOf(String outTradeNo) {
        return refunds.values().stream().filter(r -> r.outTradeNo().equals(outTradeNo)).count();
    }

    /** The next refund call is taken but answered only after the platform's read time-out. */
    public void timeOutNextRefund() {
        timeOutNextRefund.set(true);
    }

    /** The payer scans and pays; the order is SUCCESS and WeChat Pay notifies the platform. Returns its answer. */
    public int pay(String outTradeNo) throws Exception {
        return deliver(payWithoutNotifying(outTradeNo, order(outTradeNo).total)).statusCode();
    }

    /** Pays an order (with the amount given) and returns its notification, not sent. */
    public Notification payWithoutNotifying(String outTradeNo, long paidTotal) {
        var order = orders.get(outTradeNo);
        if (order == null) throw new IllegalArgumentException("no order " + outTradeNo);
        order.paidTotal = paidTotal;
        order.transactionId = "4200" + (1_000_000_000L + random.nextLong(8_999_999_999L));
        order.state = "SUCCESS";
        return notification(order.mchId, order.notifyUrl, "TRANSACTION.SUCCESS", "transaction",
                json.writeValueAsString(transaction(order)), Instant.now());
    }

    /** A signed payment notification of an order as it stands, sent at the time given. */
    public Notification transactionNotification(String outTradeNo, Instant at) {
        var order = orders.get(outTradeNo);
        return notification(order.mchId, order.notifyUrl, "TRANSACTION.SUCCESS", "transaction",
                json.writeValueAsString(transaction(order)), at);
    }

    /** A notification with the resource given, signed and encrypted as the merchant's account would have it. */
    public Notification notification(String mchId, String notifyUrl, String eventType, String associatedData,
            String resource, Instant at) {
        var merchant = merchants.get(mchId);
        var nonce = random(12);
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("create_time", OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)).toString());
        envelope.put("resource_type", "encrypt-resource");
        envelope.put("event_type", eventType);
        envelope.put("summary", eventType.startsWith("REFUND") ? "退款成功" : "支付成功");
        envelope.put("resource", Map.of("original_type", associatedData, "algorithm", "AEAD_AES_256_GCM",
                "ciphertext", encrypt(merchant.apiV3Key(), associatedData, nonce, resource),
                "associated_data", associatedData, "nonce", nonce));
        var body = json.writeValueAsString(envelope);
        var timestamp = String.valueOf(at.getEpochSecond());
        var signatureNonce = random(32);
        var headers = new LinkedHashMap<String, String>();
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", signatureNonce);
        headers.put("Wechatpay-Serial", serialFor(merchant));
        headers.put("Wechatpay-Signature", sign(timestamp + "\n" + signatureNonce + "\n" + body + "\n"));
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        var path = URI.create(notifyUrl).getRawPath();
        return new Notification(appBaseUrl + path, headers, body);
    }

    public HttpResponse<String> deliver(Notification notification) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(notification.url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(notification.body(), StandardCharsets.UTF_8));
        notification.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> transaction(Order order) {
        var transaction = new LinkedHashMap<String, Object>();
        transaction.put("appid", order.appId);
        transaction.put("mchid", order.mchId);
        transaction.put("out_trade_no", order.outTradeNo);
        transaction.put("trade_type", order.tradeType);
        transaction.put("trade_state", order.state);
        transaction.put("trade_state_desc", order.state);
        if (order.transactionId != null) {
            transaction.put("transaction_id", order.transactionId);
            transaction.put("bank_type", "OTHERS");
            transaction.put("success_time", OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString());
            transaction.put("payer", Map.of("openid", "o" + random(27)));
            transaction.put("amount", Map.of("total", order.paidTotal, "payer_total", order.paidTotal,
                    "currency", "CNY", "payer_currency", "CNY"));
        } else {
            transaction.put("amount", Map.of("total", order.total, "currency", "CNY"));
        }
        return transaction;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var merchant = authenticate(exchange, body);
            if (merchant == null) {
                respond(exchange, null, 401, Map.of("code", "SIGN_ERROR", "message", "签名错误"));
                return;
            }
            var method = exchange.getRequestMethod();
            var path = exchange.getRequestURI().getRawPath();
            if (method.equals("POST") && (path.equals("/v3/pay/transactions/native")
                    || path.equals("/v3/pay/transactions/jsapi"))) {
                prepay(exchange, merchant, json.readTree(body), path.endsWith("native") ? "NATIVE" : "JSAPI");
            } else if (method.equals("GET") && path.startsWith("/v3/pay/transactions/out-trade-no/")) {
                var order = orders.get(decode(path.substring("/v3/pay/transactions/out-trade-no/".length())));
                if (order == null || !order.mchId.equals(merchant.mchId())) {
                    respond(exchange, merchant, 404, Map.of("code", "ORDER_NOT_EXIST", "message", "订单不存在"));
                } else {
                    respond(exchange, merchant, 200, transaction(order));
                }
            } else if (method.equals("POST") && path.matches("/v3/pay/transactions/out-trade-no/[^/]+/close")) {
                var order = orders.get(decode(path.split("/")[5]));
                if (order != null && order.state.equals("NOTPAY")) order.state = "CLOSED";
                respond(exchange, merchant, 204, null);
            } else if (method.equals("POST") && path.equals("/v3/refund/domestic/refunds")) {
                refund(exchange, merchant, json.readTree(body));
            } else if (method.equals("GET") && path.startsWith("/v3/refund/domestic/refunds/")) {
                var refund = refunds.get(decode(path.substring("/v3/refund/domestic/refunds/".length())));
                if (refund == null) {
                    respond(exchange, merchant, 404, Map.of("code", "RESOURCE_NOT_EXISTS", "message", "退款单不存在"));
                } else {
                    respond(exchange, merchant, 200, refundBody(refund, "SUCCESS"));
                }
            } else {
                respond(exchange, merchant, 404, Map.of("code", "NOT_FOUND", "message", "no such API"));
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private void prepay(HttpExchange exchange, Merchant merchant, JsonNode request, String tradeType)
            throws IOException {
        var outTradeNo = request.path("out_trade_no").asString("");
        var total = request.path("amount").path("total").asLong(-1);
        if (!merchant.mchId().equals(request.path("mchid").asString("")) || outTradeNo.length() < 6 || total <= 0
                || (tradeType.equals("JSAPI") && request.path("payer").path("openid").asString("").isEmpty())) {
            respond(exchange, merchant, 400, Map.of("code", "PARAM_ERROR", "message", "参数错误"));
            return;
        }
        var order = orders.computeIfAbsent(outTradeNo, no -> new Order(merchant.mchId(),
                request.path("appid").asString(""), no, total, request.path("notify_url").asString(""), tradeType));
        if (order.total != total || !order.mchId.equals(merchant.mchId())) {
            respond(exchange, merchant, 400, Map.of("code", "INVALID_REQUEST", "message", "201 商户订单号重复"));
            return;
        }
        if (tradeType.equals("JSAPI")) order.payerOpenid = request.path("payer").path("openid").asString("");
        respond(exchange, merchant, 200, tradeType.equals("NATIVE") ? Map.of("code_url", order.codeUrl)
                : Map.of("prepay_id", "wx" + outTradeNo));
    }

    private void refund(HttpExchange exchange, Merchant merchant, JsonNode request) throws Exception {
        var outTradeNo = request.path("out_trade_no").asString("");
        var outRefundNo = request.path("out_refund_no").asString("");
        var amount = request.path("amount");
        var order = orders.get(outTradeNo);
        if (order == null || !order.mchId.equals(merchant.mchId()) || order.transactionId == null) {
            respond(exchange, merchant, 404, Map.of("code", "RESOURCE_NOT_EXISTS", "message", "订单不存在"));
            return;
        }
        var created = new AtomicBoolean();
        var refund = refunds.computeIfAbsent(outRefundNo, no -> {
            created.set(true);
            return new Refund(merchant.mchId(), outTradeNo, no, "5030" + random.nextLong(1_000_000_000L),
                    amount.path("refund").asLong(), amount.path("total").asLong(),
                    request.path("notify_url").asString(""));
        });
        if (created.get()) {
            if (refundedOf(outTradeNo) > order.paidTotal || refund.total() != order.total) {
                refunds.remove(outRefundNo);
                respond(exchange, merchant, 400, Map.of("code", "INVALID_REQUEST", "message", "退款金额超过订单金额"));
                return;
            }
            refundsCreated.incrementAndGet();
        }
        if (timeOutNextRefund.getAndSet(false)) Thread.sleep(refundDelay.toMillis());
        respond(exchange, merchant, 200, refundBody(refund, "PROCESSING"));
        if (created.get()) {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(200);
                    var resource = new LinkedHashMap<String, Object>();
                    resource.put("mchid", refund.mchId());
                    resource.put("out_trade_no", refund.outTradeNo());
                    resource.put("transaction_id", order.transactionId);
                    resource.put("out_refund_no", refund.outRefundNo());
                    resource.put("refund_id", refund.refundId());
                    resource.put("refund_status", "SUCCESS");
                    resource.put("success_time", OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString());
                    resource.put("user_received_account", "支付用户零钱");
                    resource.put("amount", Map.of("total", refund.total(), "refund", refund.refund(),
                            "payer_total", refund.total(), "payer_refund", refund.refund()));
                    deliver(notification(refund.mchId(), refund.notifyUrl(), "REFUND.SUCCESS", "refund",
                            json.writeValueAsString(resource), Instant.now()));
                } catch (Exception ignored) {
                    // the platform asks about a refund it was not told of
                }
            });
        }
    }

    private Map<String, Object> refundBody(Refund refund, String status) {
        var body = new LinkedHashMap<String, Object>();
        body.put("refund_id", refund.refundId());
        body.put("out_refund_no", refund.outRefundNo());
        body.put("transaction_id", orders.get(refund.outTradeNo()).transactionId);
        body.put("out_trade_no", refund.outTradeNo());
        body.put("channel", "ORIGINAL");
        body.put("user_received_account", "支付用户零钱");
        body.put("create_time", OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString());
        body.put("status", status);
        body.put("funds_account", "AVAILABLE");
        body.put("amount", Map.of("total", refund.total(), "refund", refund.refund(), "payer_total", refund.total(),
                "payer_refund", refund.refund(), "settlement_refund", refund.refund(),
                "settlement_total", refund.total(), "discount_refund", 0, "currency", "CNY"));
        return body;
    }

    /** The merchant whose key signed this request, or null: unknown merchant, wrong serial, bad or old signature. */
    private Merchant authenticate(HttpExchange exchange, String body) {
        var header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("WECHATPAY2-SHA256-RSA2048 ")) return null;
        var fields = new LinkedHashMap<String, String>();
        var matcher = AUTHORIZATION.matcher(header);
        while (matcher.find()) fields.put(matcher.group(1), matcher.group(2));
        var merchant = merchants.get(fields.getOrDefault("mchid", ""));
        if (merchant == null || !merchant.serial().equals(fields.get("serial_no"))) return null;
        try {
            var timestamp = Long.parseLong(fields.getOrDefault("timestamp", ""));
            if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) return null;
        } catch (NumberFormatException e) {
            return null;
        }
        var uri = exchange.getRequestURI();
        var url = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        var message = exchange.getRequestMethod() + "\n" + url + "\n" + fields.get("timestamp") + "\n"
                + fields.get("nonce_str") + "\n" + body + "\n";
        return verify(merchant.keys().getPublic(), message, fields.getOrDefault("signature", "")) ? merchant : null;
    }

    private void respond(HttpExchange exchange, Merchant merchant, int status, Object body) throws IOException {
        var text = body == null ? "" : json.writeValueAsString(body);
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        var nonce = random(32);
        var headers = exchange.getResponseHeaders();
        headers.set("Request-ID", UUID.randomUUID().toString());
        if (body != null) headers.set("Content-Type", "application/json; charset=utf-8");
        headers.set("Wechatpay-Timestamp", timestamp);
        headers.set("Wechatpay-Nonce", nonce);
        headers.set("Wechatpay-Serial", merchant == null ? PUBLIC_KEY_ID : serialFor(merchant));
        headers.set("Wechatpay-Signature", sign(timestamp + "\n" + nonce + "\n" + text + "\n"));
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    }

    private String serialFor(Merchant merchant) {
        return merchant.mode() == Mode.PUBLIC_KEY ? PUBLIC_KEY_ID : certificateSerial();
    }

    private String sign(String message) {
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(platform.getPrivate());
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verify(PublicKey key, String message, String signature) {
        try {
            var verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (Exception e) {
            return false;
        }
    }

    private static String encrypt(String apiV3Key, String associatedData, String nonce, String plaintext) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        var name = new X500Name("CN=Tenpay.com Root CA Fake, O=Tenpay.com, C=CN");
        var now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(128, random).setBit(127), 
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365 * 5))), name,
                keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair rsa() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var out = new StringBuilder();
        for (int i = 0; i < length; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return out.toString();
    }

    private static byte[] randomBytes(int n) {
        var bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
