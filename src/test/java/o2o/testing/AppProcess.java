package o2o.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/o2o-*.jar}, built by {@code package}) run as a process of its own, as an
 * operator runs it: a demo city of a few stores, the embedded PostgreSQL in the given data folder, a free port. For
 * the tests run by failsafe ({@code *IT}) that kill it, starve it or start it again.
 */
public final class AppProcess implements AutoCloseable {

    /** The same token key on every start, so tokens issued before a restart stay good after it. */
    private static final String TOKEN_SECRET = "aXQtdG9rZW4tc2VjcmV0LXRoYXQtaXMtYXQtbGVhc3QtMzItYnl0ZXM=";

    /** 32 bytes, as the key that encrypts merchants' gateway keys must be; the same on every node. */
    private static final String PAYMENTS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;

    private AppProcess(Process process, int port, Path log, Path dataDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
    }

    /** Starts the jar with these JVM options on this data folder; its output goes to (the end of) the log file. */
    public static AppProcess start(Path dataDir, Path log, List<String> jvmOptions) throws IOException {
        int port = freePort();
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "--demo", "--server.port=" + port,
                "--o2o.db.embedded.data-dir=" + dataDir, "--o2o.demo.stores=20", "--o2o.demo.members=5",
                "--o2o.demo.orders=10", "--o2o.identity.token-secret=" + TOKEN_SECRET,
                "--o2o.identity.client-codes-per-hour=100000", "--o2o.identity.client-sign-ins-per-15m=100000"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the embedded database, whatever the machine running the tests points its own runs at
        builder.environment().keySet().removeIf(name -> name.startsWith("O2O_") || name.equals("PORT"));
        return new AppProcess(builder.start(), port, log, dataDir);
    }

    /**
     * Starts the jar as one node of several on a database server of the caller's ({@code jdbcUrl}): the same secrets
     * on every node (tokens, QR codes, the sandbox's webhook signatures), the demo's sandbox and inbox, and these
     * extra arguments. Killing it never takes the database with it.
     */
    public static AppProcess startNode(String jdbcUrl, Path log, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        int port = freePort();
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "--demo", "--server.port=" + port,
                "--o2o.demo.stores=20", "--o2o.demo.members=5", "--o2o.demo.orders=10",
                "--o2o.identity.token-secret=" + TOKEN_SECRET, "--o2o.identity.operator-username=operator",
                "--o2o.identity.operator-password=operator-pass",
                "--o2o.vouchers.qr-secret=" + TOKEN_SECRET, "--o2o.loyalty.member-qr-secret=" + TOKEN_SECRET,
                "--o2o.mallevents.qr-secret=" + TOKEN_SECRET, "--o2o.payments.key-encryption-key=" + PAYMENTS_KEY,
                "--o2o.payments.sandbox.webhook-secret=" + NODE_WEBHOOK_SECRET,
                "--o2o.identity.client-codes-per-hour=100000", "--o2o.identity.client-sign-ins-per-15m=100000"));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("O2O_") || name.equals("PORT"));
        builder.environment().put("O2O_DB_URL", jdbcUrl);
        builder.environment().put("O2O_DB_USER", "postgres");
        return new AppProcess(builder.start(), port, log, log.resolveSibling(log.getFileName() + ".no-data"));
    }

    /** The sandbox gateway's webhook key on nodes started by {@link #startNode}, to sign notifications with. */
    public static final String NODE_WEBHOOK_SECRET = "node-webhook-secret";

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    public Process process() {
        return process;
    }

    /** Waits until {@code /actuator/health} answers UP; fails at once, with the log, if the process ends first. */
    public Duration awaitHealthy(Duration patience) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        while (System.nanoTime() - started < patience.toNanos()) {
            assertThat(process.isAlive()).as("the application ended before it was healthy:%n%s", tail(80)).isTrue();
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not healthy within " + patience + ":\n" + tail(80));
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail(int lines) {
        var all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The JVM's threads, virtual ones included ({@code jcmd <pid> Thread.dump_to_file}), for a node not answering. */
    public String threadDump() {
        var jcmd = Path.of(java()).resolveSibling("jcmd").toString();
        try {
            // Thread.dump_to_file, unlike Thread.print, shows the virtual threads the requests run on
            var file = Files.createTempFile("threads", ".txt");
            Files.delete(file);
            var dump = new ProcessBuilder(jcmd, String.valueOf(process.pid()), "Thread.dump_to_file", "-format=text",
                    file.toString()).redirectErrorStream(true).start();
            var said = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            dump.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return Files.exists(file) ? Files.readString(file) : said;
        } catch (IOException e) {
            return "no thread dump: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    /** SIGKILL to the JVM alone, as {@code kill -9 <pid>} does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGKILL to the JVM and to the helper processes it started (the database's watchdog), as killing its whole
     * process group does; the database server, detached by pg_ctl, is not among them and is left running.
     */
    public void killWithItsHelpers() throws InterruptedException {
        var helpers = process.toHandle().descendants()
                .filter(child -> !child.info().command().orElse("").contains("postgres")).toList();
        process.destroyForcibly();
        helpers.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A normal stop (SIGTERM), then SIGKILL if it takes too long; then any database server left on its folder. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
        }
        stopPostgres(dataDir);
    }

    /** The database server running on this folder, by the pid in its postmaster.pid, if it is alive. */
    public static Optional<ProcessHandle> postgresOn(Path dataDir) {
        try {
            var pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) return Optional.empty();
            var pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().orElse("").contains("postgres"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops a server left on the folder (SIGTERM, then SIGKILL), so no test leaves one behind. */
    public static void stopPostgres(Path dataDir) throws InterruptedException {
        var left = postgresOn(dataDir);
        if (left.isEmpty()) return;
        left.get().destroy();
        try {
            left.get().onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            left.get().descendants().forEach(ProcessHandle::destroyForcibly);
            left.get().destroyForcibly();
        }
    }

    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The jar failsafe names ({@code o2o.jar}), else the one in target/. */
    static Path jar() throws IOException {
        var named = System.getProperty("o2o.jar");
        if (named != null && Files.isRegularFile(Path.of(named))) return Path.of(named);
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("o2o-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/o2o-*.jar: run ./mvnw package first"));
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
