package o2o.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the o2o API on loopback next to the database's own ceiling in the same run: starts the packaged
 * application on its embedded PostgreSQL with the demo city at the requested size, runs pgbench against that server,
 * then each scenario with bounded clients for a bounded time, and prints and writes the results.
 */
@Command(name = "o2o-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks the o2o API against pgbench on the same PostgreSQL.")
public final class Bench implements Callable<Integer> {

    @Option(names = "--app-jar", description = "the application's jar (default: newest target/o2o-*.jar here or above)")
    Path appJar;

    @Option(names = "--stores", description = "stores in the demo city (default: ${DEFAULT-VALUE})")
    int stores = 100_000;

    @Option(names = "--members", description = "members with order history in the demo (default: ${DEFAULT-VALUE})")
    int members = 10_000;

    @Option(names = "--orders", description = "completed past orders of those members (default: ${DEFAULT-VALUE})")
    int orders = 1_000_000;

    @Option(names = "--scenarios", split = ",",
            description = "nearby,checkout,flash-sale,redeem,points,pos,table-order,dashboard,campaign,segments,"
                    + "delivery (default: all)")
    List<String> scenarios = List.of("nearby", "checkout", "flash-sale", "redeem", "points", "pos", "table-order",
            "dashboard", "campaign", "segments", "delivery");

    @Option(names = "--clients", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients = 32;

    @Option(names = "--duration", description = "seconds per scenario and per ceiling (default: ${DEFAULT-VALUE})")
    int duration = 20;

    @Option(names = "--flash-units", description = "flash-sale stock (default: ${DEFAULT-VALUE})")
    int flashUnits = 500;

    @Option(names = "--flash-buyers", description = "flash-sale buyers (default: 4 x units)")
    Integer flashBuyers;

    @Option(names = "--redeem-vouchers", description = "vouchers made for the redeem scenario (default: ${DEFAULT-VALUE})")
    int redeemVouchers = 4000;

    @Option(names = "--pos-stores",
            description = "stores posting POS sales, about 5 per merchant (default: ${DEFAULT-VALUE})")
    int posStores = 40;

    @Option(names = "--pos-members", description = "members imported per POS merchant (default: ${DEFAULT-VALUE})")
    int posMembers = 50;

    @Option(names = "--table-diners",
            description = "diners per table in table-order, one table per client (default: ${DEFAULT-VALUE})")
    int tableDiners = 4;

    @Option(names = "--app-jvm-options", description = "JVM options of the application (default: ${DEFAULT-VALUE})")
    String appJvmOptions = "-Xmx384m -XX:+UseG1GC";

    @Option(names = "--out", description = "where the JSON results go (default: ${DEFAULT-VALUE})")
    Path out = Path.of("bench", "results");

    @Option(names = "--warmup", description = "seconds of unmeasured nearby searches, checkouts or quotes first (default: ${DEFAULT-VALUE})")
    int warmup = 15;

    @Option(names = "--smoke", description = "a few seconds per scenario on small data, for CI")
    boolean smoke;

    @Option(names = "--nodes", split = ",",
            description = "application nodes on the one PostgreSQL, each count a round of every scenario, e.g. 1,3; "
                    + "requests go to the nodes in turn (default: ${DEFAULT-VALUE})")
    List<Integer> nodes = List.of(1);

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (smoke) {
            stores = 2_000;
            members = 100;
            orders = 1_000;
            duration = 3;
            clients = 8;
            flashUnits = 50;
            flashBuyers = 200;
            redeemVouchers = 200;
            posStores = 6;
            posMembers = 10;
            tableDiners = 3;
            warmup = 1;
        }
        var jar = appJar != null ? appJar : findJar();
        var pgbenchCheck = PgBench.find("pgbench");
        System.out.printf("o2o bench: %s, %d stores, %d members, %d orders, %d clients, %d s per scenario (pgbench: %s)%n",
                jar, stores, members, orders, clients, duration, pgbenchCheck);
        var rounds = nodes.stream().distinct().sorted().toList();
        if (rounds.isEmpty() || rounds.getFirst() < 1) throw new IllegalArgumentException("--nodes: counts of 1 or more");
        var secrets = sharedSecrets();
        var jvmOptions = List.of(appJvmOptions.split("\\s+"));
        var joined = new java.util.concurrent.CopyOnWriteArrayList<AppProcess>();
        try (var app = AppProcess.start(jar, stores, members, orders, jvmOptions, secrets)) {
            System.out.printf("application ready in %.1f s on %s (PostgreSQL on port %d)%n", app.startupSeconds,
                    app.url(), app.dbPort);
            var pgbench = new PgBench("127.0.0.1", app.dbPort, "postgres");
            boolean counting = pgbench.countStatements();
            System.out.println(counting ? "statements counted (pg_stat_statements)"
                    : "statements not counted: this application does not load pg_stat_statements");
            Cpu.watch(() -> java.util.stream.Stream.concat(java.util.stream.Stream.of(app), joined.stream())
                    .map(AppProcess::pid).toList(), app::postmasterPid,
                    () -> counting ? Statements.read(pgbench) : null);
            long settling = System.nanoTime();
            pgbench.settle();
            System.out.printf("database vacuumed and analyzed in %.1f s%n", (System.nanoTime() - settling) / 1e9);
            pgbench.prepare();
            var tpcb = pgbench.tpcb(duration);
            var selectOnly = pgbench.selectOnly(duration);
            var hotRow = pgbench.hotRow(duration);
            pgbench.drop();
            System.out.printf("ceilings: TPC-B %.0f tps, select-only %.0f tps, hot row %.0f tps%n", tpcb.tps(),
                    selectOnly.tps(), hotRow.tps());

            var operator = new Api(app.url()).staffToken("bench", "bench-operator-1");
            var dataset = Map.<String, Object>of("stores", stores, "members", members, "orders", orders);
            var results = new ArrayList<Result>();
            boolean failed = false;
            for (int count : rounds) {
                // the missing nodes start side by side, each on its own thread, and join when ready
                var starting = new ArrayList<java.util.concurrent.Future<AppProcess>>();
                try (var launcher = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int n = joined.size() + 1; n < count; n++) {
                        starting.add(launcher.submit(() -> AppProcess.join(jar, app.dbPort, jvmOptions, secrets)));
                    }
                }
                for (var node : starting) {
                    joined.add(node.get());
                    System.out.printf("node %d ready in %.1f s on %s%n", joined.size() + 1,
                            joined.getLast().startupSeconds, joined.getLast().url());
                }
                var urls = new ArrayList<String>();
                urls.add(app.url());
                joined.forEach(node -> urls.add(node.url()));
                var api = new Api(urls);
                var appFigures = new LinkedHashMap<String, Object>();
                appFigures.put("nodes", count);
                for (var name : scenarios) {
                    appFigures.put("startupSeconds", Result.round(app.startupSeconds));
                    var context = new Scenarios.Context(api, operator, clients, Duration.ofSeconds(duration), tpcb,
                            selectOnly, hotRow, appFigures, dataset, flashUnits,
                            flashBuyers != null ? flashBuyers : flashUnits * 4, redeemVouchers,
                            Duration.ofSeconds(warmup), pgbench, posStores, posMembers, tableDiners);
                    List<Result> parts;
                    try {
                        parts = Scenarios.runAll(name, context);
                    } catch (Exception e) {
                        System.err.printf("scenario %s on %d node(s) failed: %s (application logs: %s)%n", name,
                                count, e, logs(app, joined));
                        failed = true;
                        continue;
                    }
                    for (var part : parts) {
                        var figures = new LinkedHashMap<String, Object>(appFigures);
                        figures.put("peakRssMb", Result.round(app.peakRssMb()));
                        figures.put("postgresRssMb", Result.round(app.postgresRssMb()));
                        // one node keeps the names the results always had; a round of several says how many
                        var scenario = rounds.equals(List.of(1)) ? part.scenario()
                                : part.scenario() + "-" + count + "node" + (count == 1 ? "" : "s");
                        var result = new Result(scenario, part.clients(), part.durationSeconds(), part.operations(),
                                part.errors(), part.throughputPerSecond(), part.latencyMs(), part.ceiling(),
                                part.ratioToCeiling(), part.checks(), part.cpuMsPerOperation(), figures,
                                part.dataset(), part.startedAt());
                        results.add(result);
                        Files.createDirectories(out);
                        Files.writeString(out.resolve(result.scenario() + ".json"),
                                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
                        failed |= !holds(result);
                    }
                }
            }
            print(results);
            projections(new Api(app.url()));
            return failed ? 1 : 0;
        } finally {
            joined.forEach(AppProcess::close);
        }
    }

    /**
     * The secrets every node must share (tokens, QR signatures, the payment key, the sandboxes' callback signatures),
     * made once per run: a demo node would otherwise make its own at random and refuse the others' tokens.
     */
    static List<String> sharedSecrets() {
        var random = new java.security.SecureRandom();
        var arguments = new ArrayList<String>();
        for (var property : List.of("o2o.identity.token-secret", "o2o.vouchers.qr-secret",
                "o2o.loyalty.member-qr-secret", "o2o.mallevents.qr-secret", "o2o.payments.key-encryption-key",
                "o2o.payments.sandbox.webhook-secret", "o2o.delivery.providers.sandbox.secret")) {
            var key = new byte[32];
            random.nextBytes(key);
            arguments.add("--" + property + "=" + java.util.Base64.getEncoder().encodeToString(key));
        }
        return arguments;
    }

    private static String logs(AppProcess app, List<AppProcess> joined) {
        var logs = new ArrayList<String>();
        logs.add(app.log().toString());
        joined.forEach(node -> logs.add(node.log().toString()));
        return String.join(", ", logs);
    }

    /**
     * What must hold whatever the speed: work got done, nothing oversold, vouchers followed payments, stored value
     * balances are what was put in minus what was taken, the ledger reconciles, every store holds exactly the POS
     * sales sent to it (a sale sent again recorded once) and every member the points of their sales, every dish a
     * diner added is in exactly one round, every bill charges what was ordered and every table is free at the end;
     * every delivery quote agrees with the distance, and every paid delivery order is delivered and completed once.
     */
    static boolean holds(Result result) {
        boolean ok = result.operations() > 0;
        var checks = result.checks();
        if (checks.get("oversold") instanceof Number oversold && oversold.longValue() > 0) ok = false;
        if (checks.get("vouchersIssued") instanceof Number issued) {
            var expected = checks.getOrDefault("checkoutsConfirmed", checks.get("sold"));
            if (expected instanceof Number e && issued.longValue() < e.longValue()) ok = false;
        }
        if (checks.get("balanceMismatches") instanceof Number wrong && wrong.longValue() > 0) ok = false;
        if (Boolean.FALSE.equals(checks.get("reconcileClean"))) ok = false;
        for (var wrong : List.of("storeMismatches", "pointsMismatches", "duplicatesRecordedTwice",
                "duplicatesMisanswered", "salesRejected", "membersNotRecognised", "visitsFailed", "misplacedDishes",
                "tableMismatches", "billMismatches", "tablesLeftOccupied", "doubleTapsPaidTwice", "membersMissedOrTwice",
                "messagesNotSentOnce", "zoneMisjudged", "paidNotDelivered", "deliveredTwice", "deliveredNotCounted")) {
            if (checks.get(wrong) instanceof Number n && n.longValue() > 0) ok = false;
        }
        if (!ok) System.err.println("CHECK FAILED: " + result.scenario() + " " + checks);
        return ok;
    }

    static void print(List<Result> results) {
        System.out.printf("%n%-22s %7s %8s %6s %9s %8s %8s %8s %8s  %-44s %9s %6s  %s%n", "scenario", "clients", "ops",
                "errors", "ops/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "ceiling", "tps", "ratio", "checks");
        for (var r : results) {
            System.out.printf("%-22s %7d %8d %6d %9.1f %8.2f %8.2f %8.2f %8.2f  %-44s %9.0f %6.3f  %s%n", r.scenario(),
                    r.clients(), r.operations(), r.errors(), r.throughputPerSecond(), r.latencyMs().get("p50"),
                    r.latencyMs().get("p95"), r.latencyMs().get("p99"), r.latencyMs().get("max"),
                    r.ceiling().get("name"), ((Number) r.ceiling().get("tps")).doubleValue(), r.ratioToCeiling(),
                    r.checks());
        }
        System.out.printf("%nCPU per operation (ms): application (all nodes), PostgreSQL, load generator; the most %d cores could do%n",
                Runtime.getRuntime().availableProcessors());
        for (var r : results) {
            var cpu = r.cpuMsPerOperation();
            if (cpu.isEmpty()) continue;
            System.out.printf("%-22s app %6.3f  postgres %6.3f  load %6.3f  total %6.3f  -> at most %9.1f ops/s%s%n",
                    r.scenario(), cpu.get("appMs"), cpu.get("postgresMs"), cpu.get("loadGeneratorMs"),
                    cpu.get("totalMs"), cpu.get("cpuBoundPerSecond"), cpu.containsKey("statements")
                            ? "; statements %s, transactions %s".formatted(cpu.get("statements"),
                                    cpu.get("transactions")) : "");
        }
        if (!results.isEmpty()) {
            var app = results.getLast().app();
            System.out.printf("application: start-up %s s, peak RSS %s MB, PostgreSQL RSS %s MB%n",
                    app.get("startupSeconds"), app.get("peakRssMb"), app.get("postgresRssMb"));
        }
    }

    /**
     * The projections fed in batches (dashboards, attribution) over the whole run: facts counted and the wall time of
     * their batches per fact (application and database together, as the transaction saw it), from the application's
     * own metrics.
     */
    static void projections(Api api) throws Exception {
        var metrics = api.get("/actuator/prometheus", null);
        if (metrics.status() != 200) return;
        var seconds = new java.util.TreeMap<String, Double>();
        var facts = new java.util.TreeMap<String, Double>();
        var line = java.util.regex.Pattern.compile(
                "^o2o_projection_(batch_seconds_sum|facts_total)\\{[^}]*projection=\"([^\"]+)\"[^}]*} (\\S+)$");
        for (var text : metrics.raw().split("\n")) {
            var m = line.matcher(text);
            if (!m.matches()) continue;
            (m.group(1).equals("facts_total") ? facts : seconds).merge(m.group(2), Double.parseDouble(m.group(3)),
                    Double::sum);
        }
        for (var projection : facts.keySet()) {
            double n = facts.get(projection);
            System.out.printf("projection %-11s %9.0f facts, %.3f ms per fact in its batches%n", projection, n,
                    n == 0 ? 0 : seconds.getOrDefault(projection, 0.0) * 1000 / n);
        }
    }

    private static Path findJar() throws Exception {
        for (var dir : List.of(Path.of("target"), Path.of("..", "target"))) {
            if (!Files.isDirectory(dir)) continue;
            try (var files = Files.list(dir)) {
                var jar = files.filter(f -> f.getFileName().toString().matches("o2o-.*\\.jar"))
                        .max(Comparator.comparing(f -> f.toFile().lastModified()));
                if (jar.isPresent()) return jar.get();
            }
        }
        throw new IllegalStateException("no target/o2o-*.jar: build it with ./mvnw package -DskipTests, or pass --app-jar");
    }
}
