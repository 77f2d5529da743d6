package o2o.notifications.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMS gateway in this JVM on 127.0.0.1 and a random port: it checks each request's signature with the test's
 * secret, records what it accepted, and answers the way the real API does, or as a test scripted for a number.
 */
abstract class FakeGateway implements AutoCloseable {

    /** What a test can make the gateway do to the next request for a number. */
    enum Outcome { SERVER_ERROR, INVALID_NUMBER }

    /** An SMS the gateway took: to whom, with which signature, template and parameters, and the caller's reference. */
    record Received(String phone, String signName, String template, Map<String, String> namedParams,
            List<String> positionalParams, String reference) {}

    final String keyId;
    final String secret;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> refusedSignatures = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Outcome>> script = new ConcurrentHashMap<>();
    private final HttpServer server;

    FakeGateway(String keyId, String secret) {
        this.keyId = keyId;
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, exchange.getRequestBody().readAllBytes());
            } catch (RuntimeException e) {
                respond(exchange, 500, "{\"Code\":\"InternalError\",\"Message\":\"" + e + "\"}");
            }
        });
        server.start();
    }

    abstract void handle(HttpExchange exchange, byte[] body) throws IOException;

    /** {@code http://127.0.0.1:<port>}, for {@code o2o.notifications.sms.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void script(String phone, Outcome... outcomes) {
        script.computeIfAbsent(phone, p -> new ArrayDeque<>()).addAll(List.of(outcomes));
    }

    /** The scripted outcome of this request for the number, if any is left. */
    Outcome next(String phone) {
        var outcomes = script.get(phone);
        var outcome = outcomes == null ? null : outcomes.pollFirst();
        return outcome;
    }

    List<Received> receivedWith(String reference) {
        return received.stream().filter(sms -> sms.reference().equals(reference)).toList();
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String requestId() {
        return UUID.randomUUID().toString().toUpperCase();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmacSha256(byte[] key, String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time, as a gateway must. */
    static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
