package o2o.bench;

import java.io.IOException;
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

/**
 * The application under test, started from its packaged jar as a child process on a free port with its embedded
 * PostgreSQL (also on a free port, so pgbench can reach the same server), and stopped at the end whatever happens;
 * further nodes of it join that PostgreSQL.
 *
 * <p>The jar runs extracted, as the README says to run it in production ({@code java -Djarmode=tools -jar ...
 * extract}): Spring Boot's loader of nested jars takes a lock per jar that a virtual thread reading a file can hold
 * while parked, and virtual threads loading a class wait for it pinned to their carriers, so on two cores a burst of
 * first requests could stop the whole application (as one run of the checkout's warm-up did).
 */
final class AppProcess implements AutoCloseable {

    private static final java.util.Map<Path, Path> EXTRACTED = new java.util.concurrent.ConcurrentHashMap<>();

    final int port;
    final int dbPort;
    final double startupSeconds;
    private final Process process;
    private final Path dir;

    private AppProcess(Process process, int port, int dbPort, double startupSeconds, Path dir) {
        this.process = process;
        this.port = port;
        this.dbPort = dbPort;
        this.startupSeconds = startupSeconds;
        this.dir = dir;
    }

    static AppProcess start(Path jar, int stores, int members, int orders, List<String> jvmOptions,
            List<String> sharedArguments) throws Exception {
        var dir = Files.createTempDirectory("o2o-bench");
        int port = freePort();
        int dbPort = freePort();
        var arguments = new ArrayList<>(List.of(
                "--o2o.db.embedded.data-dir=" + dir.resolve("postgres"),
                "--o2o.db.embedded.port=" + dbPort, "--o2o.db.embedded.statement-statistics=true",
                "--o2o.demo.stores=" + stores, "--o2o.demo.members=" + members, "--o2o.demo.orders=" + orders));
        arguments.addAll(sharedArguments);
        // a build whose demo tells an outreach story after its people says when all of it is done
        String seeded;
        try (var contents = new java.util.jar.JarFile(jar.toFile())) {
            seeded = contents.getEntry("BOOT-INF/classes/o2o/demo/DemoOutreach.class") != null ? "Demo data ready"
                    : "Demo people:";
        }
        return launch(jar, jvmOptions, arguments, dir, port, dbPort, seeded);
    }

    /**
     * One more node of the same application on the first one's PostgreSQL (its demo already seeded: this one seeds
     * nothing), with the same secrets, so a token or signature from any node holds on every other.
     */
    static AppProcess join(Path jar, int dbPort, List<String> jvmOptions, List<String> sharedArguments)
            throws Exception {
        var dir = Files.createTempDirectory("o2o-bench-node");
        var arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                "--spring.datasource.username=postgres", "--o2o.demo.enabled=false"));
        arguments.addAll(sharedArguments);
        return launch(jar, jvmOptions, arguments, dir, freePort(), dbPort, null);
    }

    /** The jar's extracted layout (its classes' jar beside a folder of libraries), made once per jar. */
    private static Path extracted(Path jar) throws IOException, InterruptedException {
        var known = EXTRACTED.get(jar.toAbsolutePath());
        if (known != null) return known;
        var into = Files.createTempDirectory("o2o-bench-app");
        var extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
                into.toString())
                .redirectErrorStream(true)
                .redirectOutput(into.resolveSibling(into.getFileName() + ".log").toFile())
                .start();
        if (!extract.waitFor(5, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            throw new IllegalStateException("could not extract " + jar + " into " + into);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(into)));
        var launcher = into.resolve(jar.getFileName());
        if (!Files.exists(launcher)) throw new IllegalStateException("no " + launcher + " after extracting " + jar);
        EXTRACTED.put(jar.toAbsolutePath(), launcher);
        return launcher;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static AppProcess launch(Path jar, List<String> jvmOptions, List<String> arguments, Path dir, int port,
            int dbPort, String seeded) throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", extracted(jar).toString(),
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--o2o.notifications.dev-inbox=true",
                "--o2o.identity.operator-username=bench", "--o2o.identity.operator-password=bench-operator-1",
                "--o2o.identity.client-codes-per-hour=100000000", "--o2o.identity.client-sign-ins-per-15m=100000000",
                "--o2o.orders.orders-per-customer-per-10s=100000000",
                "--o2o.vouchers.redeems-per-staff-per-minute=100000000",
                "--o2o.vouchers.redeems-per-store-per-minute=100000000",
                "--o2o.loyalty.lookups-per-staff-per-minute=100000000"));
        command.addAll(arguments);
        long started = System.nanoTime();
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile())
                .start();
        var app = new AppProcess(process, port, dbPort, 0, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        var http = HttpClient.newHttpClient();
        // seeding a million orders with their points on the ledger takes minutes on a busy machine
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        double ready = -1;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                var readiness = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 200 && readiness.body().contains("UP")) {
                    if (ready < 0) ready = (System.nanoTime() - started) / 1e9;
                    if (seeded == null || Files.readString(dir.resolve("app.log")).contains(seeded)) {
                        return new AppProcess(process, port, dbPort, ready, dir);
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        app.close();
        throw new IllegalStateException("the application did not start; its log is in " + dir.resolve("app.log"));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.isAlive() ? process.pid() : -1;
    }

    /** The embedded PostgreSQL's postmaster, from postmaster.pid (pg_ctl detaches it from the JVM); -1 if unknown. */
    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dir.resolve("postgres").resolve("postmaster.pid")).getFirst()
                    .strip());
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    /** The JVM's peak resident memory (VmHWM), in MB. */
    double peakRssMb() {
        return statusKb(process.pid(), "VmHWM:") / 1024.0;
    }

    /**
     * Resident memory of the embedded PostgreSQL now: its postmaster (from postmaster.pid; pg_ctl detaches it from
     * the JVM) and the postmaster's children. Shared buffers are counted once per process, so this overstates.
     */
    double postgresRssMb() {
        var postmaster = postmasterPid();
        var handle = postmaster > 0 ? ProcessHandle.of(postmaster) : Optional.<ProcessHandle>empty();
        if (handle.isEmpty()) return 0;
        return (statusKb(postmaster, "VmRSS:") + handle.get().descendants()
                .mapToLong(p -> statusKb(p.pid(), "VmRSS:")).sum()) / 1024.0;
    }

    private static long statusKb(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    Path log() {
        return dir.resolve("app.log");
    }
}
