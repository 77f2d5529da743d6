package o2o.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant's own system, for the tests: a real HTTP server on a free loopback port that records every request and
 * answers with the status codes it was told to (then 200).
 */
final class Receiver implements AutoCloseable {

    record Received(String body, String signature, String eventType, Instant at) {

        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }

        /** Checks the signature the way a merchant's receiver should: recompute, compare in constant time. */
        boolean signedWith(String secret) {
            long t = -1;
            String v1 = null;
            for (var part : signature.split(",")) {
                var kv = part.split("=", 2);
                if (kv[0].equals("t")) t = Long.parseLong(kv[1]);
                if (kv[0].equals("v1")) v1 = kv[1];
            }
            if (t < 0 || v1 == null) return false;
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                var expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        v1.getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

    Receiver(Integer... answers) throws IOException {
        this.answers.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, String.valueOf(exchange.getRequestHeaders().getFirst("O2o-Signature")),
                    String.valueOf(exchange.getRequestHeaders().getFirst("O2o-Event-Type")), Instant.now()));
            var status = this.answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until this many requests arrived and returns them. */
    List<Received> awaitRequests(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> received.size() >= count);
        assertThat(received).hasSize(count);
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
