package o2o.payments.alipay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Alipay's open API gateway, behaving as the real one does towards the SDK: it checks each
 * request's RSA2 signature with the app's public key (or the app's certificate, whose serial it also checks), answers
 * {@code alipay_trade_*_response} JSON signed with Alipay's private key (with {@code alipay_cert_sn} in certificate
 * mode), keeps trades by out_trade_no and refunds by out_request_no, shows the mobile cashier page, and sends signed
 * asynchronous notifications to the notify_url of the trade. Notifications and the payer's return go to the
 * application on loopback ({@link #deliverTo}), wherever its notify base URL says it is.
 */
public final class FakeAlipay {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KeyPair alipayKeys = rsa();
    private final KeyPair rootKeys = rsa();
    private final X509Certificate root;
    private final X509Certificate alipayCertificate;
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final Map<String, Trade> trades = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    private final List<String> refundCalls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean timeOutNextRefund = new AtomicBoolean();
    private volatile int appPort;
    private volatile Duration timeOut = Duration.ofSeconds(4);

    /** An app registered at the fake, with the settings its merchant saves on the platform. */
    public record App(String appId, String sellerId, PublicKey publicKey, String appCertSn, Map<String, String> settings) {}

    public record Trade(String outTradeNo, String appId, String sellerId, String totalAmount, String subject,
            String notifyUrl, String returnUrl, String tradeNo, String status) {

        Trade with(String newStatus) {
            return new Trade(outTradeNo, appId, sellerId, totalAmount, subject, notifyUrl, returnUrl, tradeNo, newStatus);
        }
    }

    public record Refund(String outRequestNo, String outTradeNo, String amount) {}

    private FakeAlipay() throws IOException {
        root = certificate("CN=Fake Alipay Root CA", rootKeys.getPublic(), "CN=Fake Alipay Root CA", rootKeys.getPrivate(), true);
        alipayCertificate = certificate("CN=Alipay (fake)", alipayKeys.getPublic(), "CN=Fake Alipay Root CA",
                rootKeys.getPrivate(), false);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/gateway.do", this::gateway);
        server.createContext("/cashier/", this::cashier);
        server.start();
    }

    public static FakeAlipay start() {
        try {
            return new FakeAlipay();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway.do";
    }

    /** Where the application listens: notifications and the payer's return are sent there. */
    public void deliverTo(int port) {
        this.appPort = port;
    }

    /** An app of a new merchant: its keys made here, its settings as the merchant copies them from Alipay. */
    public App newApp(boolean certificateMode) {
        var keys = rsa();
        var appId = "2021" + String.format("%012d", SEQUENCE.incrementAndGet());
        var sellerId = "2088" + String.format("%012d", SEQUENCE.incrementAndGet());
        var settings = new LinkedHashMap<String, String>();
        settings.put("appId", appId);
        settings.put("sellerId", sellerId);
        settings.put("appPrivateKey", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        String appCertSn = null;
        if (certificateMode) {
            var appCert = certificate("CN=" + appId, keys.getPublic(), "CN=Fake Alipay Root CA", rootKeys.getPrivate(), false);
            appCertSn = certSn(appCert);
            settings.put("appCertificate", pem(appCert));
            settings.put("alipayCertificate", pem(alipayCertificate));
            settings.put("alipayRootCertificate", pem(root));
        } else {
            settings.put("alipayPublicKey", Base64.getEncoder().encodeToString(alipayKeys.getPublic().getEncoded()));
        }
        var app = new App(appId, sellerId, keys.getPublic(), appCertSn, settings);
        apps.put(appId, app);
        return app;
    }

    public Trade trade(String outTradeNo) {
        return trades.get(outTradeNo);
    }

    /** The refunds made of a trade (each out_request_no once, however often it was asked for). */
    public List<Refund> refundsOf(String outTradeNo) {
        return refunds.values().stream().filter(r -> r.outTradeNo().equals(outTradeNo)).toList();
    }

    /** The out_request_no of every refund call that reached the gateway, in order. */
    public List<String> refundCalls() {
        synchronized (refundCalls) {
            return List.copyOf(refundCalls);
        }
    }

    /** The next refund call is taken but answered only after the client has given up waiting. */
    public void timeOutOnNextRefund(Duration after) {
        timeOut = after;
        timeOutNextRefund.set(true);
    }

    /** The payer pays and Alipay does not notify (the notification is lost). */
    public void payWithoutNotifying(String outTradeNo) {
        trades.computeIfPresent(outTradeNo, (no, trade) -> trade.with("TRADE_SUCCESS"));
    }

    /** The payer pays; Alipay notifies and returns the application's answer. */
    public HttpResponse<String> pay(String outTradeNo) {
        payWithoutNotifying(outTradeNo);
        return deliver(trades.get(outTradeNo).notifyUrl(), notification(outTradeNo, "TRADE_SUCCESS", null));
    }

    /** The signed notification Alipay sends about a trade; {@code amount} in yuan, or the trade's when null. */
    public Map<String, String> notification(String outTradeNo, String tradeStatus, String amount) {
        var trade = trades.get(outTradeNo);
        var params = new TreeMap<String, String>();
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).format(TIME);
        params.put("gmt_create", now);
        params.put("gmt_payment", now);
        params.put("notify_time", now);
        params.put("charset", "UTF-8");
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
        params.put("app_id", trade.appId());
        params.put("seller_id", trade.sellerId());
        params.put("out_trade_no", outTradeNo);
        params.put("trade_no", trade.tradeNo());
        params.put("trade_status", tradeStatus);
        params.put("total_amount", amount == null ? trade.totalAmount() : amount);
        params.put("receipt_amount", amount == null ? trade.totalAmount() : amount);
        params.put("buyer_pay_amount", amount == null ? trade.totalAmount() : amount);
        params.put("subject", trade.subject());
        params.put("version", "1.0");
        params.put("auth_app_id", trade.appId());
        return signed(params);
    }

    /** Signs notification parameters as Alipay does: sorted, without sign and sign_type, RSA2 with Alipay's key. */
    public Map<String, String> signed(Map<String, String> params) {
        var copy = new TreeMap<>(params);
        copy.remove("sign");
        copy.remove("sign_type");
        var content = content(copy);
        copy.put("sign_type", "RSA2");
        copy.put("sign", sign(content, alipayKeys.getPrivate()));
        return copy;
    }

    /** Opens a page of the gateway (the cashier a payment's redirect URL names), as the payer's browser does. */
    public HttpResponse<String> open(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a notification to a notify_url (on the application's loopback port) as Alipay does. */
    public HttpResponse<String> deliver(String notifyUrl, Map<String, String> params) {
        try {
            return http.send(HttpRequest.newBuilder(toApp(notifyUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the gateway

    private void gateway(HttpExchange exchange) throws IOException {
        try (exchange) {
            var params = new TreeMap<String, String>();
            parse(exchange.getRequestURI().getRawQuery(), params);
            if (exchange.getRequestMethod().equals("POST")) {
                parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
            }
            var method = params.getOrDefault("method", "");
            var app = apps.get(params.getOrDefault("app_id", ""));
            if (app == null) {
                answer(exchange, method, error("40002", "isv.invalid-app-id"), null);
                return;
            }
            if (!verified(params, app)) {
                answer(exchange, method, error("40002", "isv.invalid-signature"), app);
                return;
            }
            if (app.appCertSn() != null && (!app.appCertSn().equals(params.get("app_cert_sn"))
                    || !certSn(root).equals(params.get("alipay_root_cert_sn")))) {
                answer(exchange, method, error("40002", "isv.app-cert-sn-not-match"), app);
                return;
            }
            var biz = JSON.readTree(params.getOrDefault("biz_content", "{}"));
            switch (method) {
                case "alipay.trade.wap.pay" -> cashierPage(exchange, open(app, biz, params));
                case "alipay.trade.precreate" -> {
                    var trade = open(app, biz, params);
                    answer(exchange, method, ok(Map.of("out_trade_no", trade.outTradeNo(),
                            "qr_code", "https://qr.alipay.com/fake" + trade.outTradeNo())), app);
                }
                case "alipay.trade.query" -> answer(exchange, method, query(biz), app);
                case "alipay.trade.close" -> answer(exchange, method, close(biz), app);
                case "alipay.trade.refund" -> refund(exchange, method, biz, app);
                case "alipay.trade.fastpay.refund.query" -> answer(exchange, method, refundQuery(biz), app);
                default -> answer(exchange, method, error("40004", "isv.invalid-method"), app);
            }
        }
    }

    private Trade open(App app, JsonNode biz, Map<String, String> params) {
        var outTradeNo = biz.path("out_trade_no").asString();
        return trades.computeIfAbsent(outTradeNo, no -> new Trade(no, app.appId(),
                biz.path("seller_id").asString(app.sellerId()), biz.path("total_amount").asString(),
                biz.path("subject").asString(), params.getOrDefault("notify_url", ""),
                params.getOrDefault("return_url", ""), "2026" + String.format("%024d", SEQUENCE.incrementAndGet()),
                "WAIT_BUYER_PAY"));
    }

    private Map<String, Object> query(JsonNode biz) {
        var trade = trades.get(biz.path("out_trade_no").asString());
        if (trade == null) return error("40004", "ACQ.TRADE_NOT_EXIST");
        var body = new LinkedHashMap<String, Object>();
        body.put("out_trade_no", trade.outTradeNo());
        body.put("trade_no", trade.tradeNo());
        body.put("trade_status", trade.status());
        body.put("total_amount", trade.totalAmount());
        return ok(body);
    }

    private Map<String, Object> close(JsonNode biz) {
        var trade = trades.get(biz.path("out_trade_no").asString());
        if (trade == null) return error("40004", "ACQ.TRADE_NOT_EXIST");
        if (!trade.status().equals("WAIT_BUYER_PAY") && !trade.status().equals("TRADE_CLOSED")) {
            return error("40004", "ACQ.TRADE_STATUS_ERROR");
        }
        trades.put(trade.outTradeNo(), trade.with("TRADE_CLOSED"));
        return ok(Map.of("out_trade_no", trade.outTradeNo(), "trade_no", trade.tradeNo()));
    }

    private void refund(HttpExchange exchange, String method, JsonNode biz, App app) throws IOException {
        var outRequestNo = biz.path("out_request_no").asString();
        refundCalls.add(outRequestNo);
        Map<String, Object> answer;
        synchronized (refunds) {
            var trade = trades.get(biz.path("out_trade_no").asString());
            var amount = new BigDecimal(biz.path("refund_amount").asString("0"));
            var before = refunds.get(outRequestNo);
            if (trade == null) {
                answer = error("40004", "ACQ.TRADE_NOT_EXIST");
            } else if (!trade.status().equals("TRADE_SUCCESS")) {
                answer = error("40004", "ACQ.TRADE_NOT_ALLOW_REFUND");
            } else if (before != null) {
                answer = before.amount().equals(amount.toPlainString())
                        ? ok(refunded(trade, "N")) : error("40004", "ACQ.DISCORDANT_REPEAT_REQUEST");
            } else if (refundedOf(trade).add(amount).compareTo(new BigDecimal(trade.totalAmount())) > 0) {
                answer = error("40004", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL");
            } else {
                refunds.put(outRequestNo, new Refund(outRequestNo, trade.outTradeNo(), amount.toPlainString()));
                answer = ok(refunded(trade, "Y"));
            }
        }
        if (timeOutNextRefund.compareAndSet(true, false)) {
            try {
                Thread.sleep(timeOut);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer(exchange, method, answer, app);
    }

    private Map<String, Object> refunded(Trade trade, String fundChange) {
        var body = new LinkedHashMap<String, Object>();
        body.put("out_trade_no", trade.outTradeNo());
        body.put("trade_no", trade.tradeNo());
        body.put("fund_change", fundChange);
        body.put("refund_fee", refundedOf(trade).toPlainString());
        return body;
    }

    private BigDecimal refundedOf(Trade trade) {
        return refundsOf(trade.outTradeNo()).stream().map(r -> new BigDecimal(r.amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Map<String, Object> refundQuery(JsonNode biz) {
        var refund = refunds.get(biz.path("out_request_no").asString());
        if (refund == null) return ok(Map.of());
        var body = new LinkedHashMap<String, Object>();
        body.put("out_trade_no", refund.outTradeNo());
        body.put("out_request_no", refund.outRequestNo());
        body.put("refund_amount", refund.amount());
        body.put("total_amount", trades.get(refund.outTradeNo()).totalAmount());
        body.put("refund_status", "REFUND_SUCCESS");
        return ok(body);
    }

    // ---- the cashier the payer sees

    private void cashierPage(HttpExchange exchange, Trade trade) throws IOException {
        var html = """
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>支付宝 (fake)</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
                <h1 id="alipay-cashier">支付宝</h1><p id="alipay-subject">%s</p><p id="alipay-amount">¥%s</p>
                <form method="post" action="/cashier/%s/pay"><button id="alipay-pay" type="submit">确认付款</button></form>
                </body></html>
                """.formatted(escape(trade.subject()), trade.totalAmount(), trade.outTradeNo());
        send(exchange, 200, "text/html; charset=utf-8", html);
    }

    private void cashier(HttpExchange exchange) throws IOException {
        try (exchange) {
            var parts = exchange.getRequestURI().getPath().split("/");
            var trade = parts.length == 4 && parts[3].equals("pay") ? trades.get(parts[2]) : null;
            if (trade == null || !exchange.getRequestMethod().equals("POST")) {
                send(exchange, 404, "text/plain", "no such trade");
                return;
            }
            pay(trade.outTradeNo());
            var back = new TreeMap<String, String>();
            back.put("method", "alipay.trade.wap.pay.return");
            back.put("app_id", trade.appId());
            back.put("seller_id", trade.sellerId());
            back.put("out_trade_no", trade.outTradeNo());
            back.put("trade_no", trade.tradeNo());
            back.put("total_amount", trade.totalAmount());
            back.put("timestamp", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).format(TIME));
            var returnUrl = toApp(trade.returnUrl()).toString();
            exchange.getResponseHeaders().add("Location",
                    returnUrl + (returnUrl.contains("?") ? "&" : "?") + form(signed(back)));
            exchange.sendResponseHeaders(302, -1);
        }
    }

    // ---- signatures, certificates, wire format

    private boolean verified(Map<String, String> params, App app) {
        var sign = params.get("sign");
        if (sign == null) return false;
        var content = new TreeMap<>(params);
        content.remove("sign");
        try {
            var verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(app.publicKey());
            verifier.update(content(content).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private void answer(HttpExchange exchange, String method, Map<String, Object> body, App app) throws IOException {
        var node = JSON.writeValueAsString(body);
        var response = new StringBuilder("{\"").append(method.replace('.', '_')).append("_response\":").append(node)
                .append(",\"sign\":\"").append(sign(node, alipayKeys.getPrivate())).append('"');
        if (app != null && app.appCertSn() != null) {
            response.append(",\"alipay_cert_sn\":\"").append(certSn(alipayCertificate)).append('"');
        }
        send(exchange, 200, "application/json; charset=utf-8", response.append('}').toString());
    }

    private static Map<String, Object> ok(Map<String, ?> fields) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", "10000");
        body.put("msg", "Success");
        body.putAll(fields);
        return body;
    }

    private static Map<String, Object> error(String code, String subCode) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("msg", code.equals("40002") ? "Invalid Arguments" : "Business Failed");
        body.put("sub_code", subCode);
        body.put("sub_msg", subCode);
        return body;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private URI toApp(String url) {
        var given = URI.create(url);
        return URI.create("http://127.0.0.1:" + appPort + given.getRawPath()
                + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery()));
    }

    private static String content(Map<String, String> sorted) {
        var content = new StringBuilder();
        new TreeMap<>(sorted).forEach((key, value) -> {
            if (value == null || value.isEmpty()) return;
            if (!content.isEmpty()) content.append('&');
            content.append(key).append('=').append(value);
        });
        return content.toString();
    }

    private static String sign(String content, PrivateKey key) {
        try {
            var signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As Alipay numbers certificates: MD5 of the issuer's name and the serial number, 32 hex digits. */
    static String certSn(X509Certificate certificate) {
        try {
            var md5 = MessageDigest.getInstance("MD5").digest((certificate.getIssuerX500Principal().getName()
                    + certificate.getSerialNumber()).getBytes());
            return String.format("%032x", new BigInteger(1, md5));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
            boolean ca) {
        try {
            var now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(SEQUENCE.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), new X500Name(subject), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(X509Certificate certificate) {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static KeyPair rsa() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void parse(String query, Map<String, String> into) {
        if (query == null || query.isEmpty()) return;
        for (var pair : query.split("&")) {
            var kv = pair.split("=", 2);
            into.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
    }

    static String form(Map<String, String> params) {
        var out = new ByteArrayOutputStream();
        var form = new StringBuilder();
        params.forEach((k, v) -> {
            if (!form.isEmpty()) form.append('&');
            form.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return form.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
