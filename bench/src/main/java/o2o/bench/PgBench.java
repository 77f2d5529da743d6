package o2o.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The database's own ceiling on the same server in the same run: pgbench's TPC-B-like script, its select-only script,
 * and one hot row updated by every client (what a flash sale's stock row is).
 */
final class PgBench {

    record Ceiling(String name, double tps) {}

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern ANY_TPS = Pattern.compile("tps = ([0-9.]+)");

    private final String pgbench;
    private final String psql;
    private final String host;
    private final int port;
    private final String user;

    PgBench(String host, int port, String user) {
        this.pgbench = find("pgbench");
        this.psql = find("psql");
        this.host = host;
        this.port = port;
        this.user = user;
    }

    static String find(String tool) {
        for (var dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return Path.of(dir, tool).toString();
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            var found = versions.map(v -> v.resolve("bin").resolve(tool)).filter(Files::isExecutable).findFirst();
            if (found.isPresent()) return found.get().toString();
        } catch (IOException e) {
            // no Debian PostgreSQL tree: fall through
        }
        throw new IllegalStateException(tool + " not found: apt-get install postgresql-client");
    }

    /** Creates and fills the ceiling database (scale 10) and the hot-row table. */
    void prepare() throws IOException, InterruptedException {
        run(List.of(psql, "-h", host, "-p", String.valueOf(port), "-U", user, "-d", "postgres", "-qc",
                "drop database if exists bench_ceiling"), 120);
        run(List.of(psql, "-h", host, "-p", String.valueOf(port), "-U", user, "-d", "postgres", "-qc",
                "create database bench_ceiling"), 120);
        run(List.of(pgbench, "-h", host, "-p", String.valueOf(port), "-U", user, "-i", "-q", "-s", "10",
                "bench_ceiling"), 600);
        run(List.of(psql, "-h", host, "-p", String.valueOf(port), "-U", user, "-d", "bench_ceiling", "-qc",
                "create table hot (id int primary key, v bigint not null); insert into hot values (1, 0)"), 60);
    }

    /**
     * Vacuums and analyzes the application's database before anything is measured: without it autovacuum takes up
     * what the seeding wrote (a million orders, their ledger) in the first minutes, and its CPU, counted as
     * PostgreSQL's, lands in whichever ceiling or scenario runs then.
     */
    void settle() throws IOException, InterruptedException {
        run(List.of(psql, "-h", host, "-p", String.valueOf(port), "-U", user, "-d", "postgres", "-qc",
                "vacuum (analyze)"), 1800);
    }

    Ceiling tpcb(int seconds) throws IOException, InterruptedException {
        return new Ceiling("pgbench TPC-B (8 clients)", tps(List.of("-c", "8", "-j", "2", "-T", String.valueOf(seconds),
                "-n"), seconds));
    }

    Ceiling selectOnly(int seconds) throws IOException, InterruptedException {
        return new Ceiling("pgbench select-only (8 clients)", tps(List.of("-S", "-c", "8", "-j", "2", "-T",
                String.valueOf(seconds), "-n"), seconds));
    }

    Ceiling hotRow(int seconds) throws IOException, InterruptedException {
        var script = Files.createTempFile("hot", ".sql");
        Files.writeString(script, "update hot set v = v + 1 where id = 1;\n");
        try {
            return new Ceiling("pgbench single hot row update (8 clients)", tps(List.of("-c", "8", "-j", "2", "-T",
                    String.valueOf(seconds), "-n", "-f", script.toString()), seconds));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    void drop() throws IOException, InterruptedException {
        run(List.of(psql, "-h", host, "-p", String.valueOf(port), "-U", user, "-d", "postgres", "-qc",
                "drop database if exists bench_ceiling"), 120);
    }

    /**
     * Rows of a read-only query on the application's own database, tab-separated, for checks after a scenario that
     * the API has no endpoint for (a count per store across merchants).
     */
    List<String[]> query(String sql) throws IOException, InterruptedException {
        return rows("postgres", List.of("-c", "set default_transaction_read_only = on", "-c", sql), 300);
    }

    /**
     * Opens {@code pg_stat_statements} in a database of its own ({@code bench_stats}) when the server loaded the
     * library; false when it did not (an application that does not know {@code statement-statistics}).
     */
    boolean countStatements() {
        try {
            run(List.of(psql, "-h", host, "-p", String.valueOf(port), "-U", user, "-d", "postgres", "-qc",
                    "drop database if exists bench_stats"), 120);
            run(List.of(psql, "-h", host, "-p", String.valueOf(port), "-U", user, "-d", "postgres", "-qc",
                    "create database bench_stats"), 120);
            run(List.of(psql, "-h", host, "-p", String.valueOf(port), "-U", user, "-d", "bench_stats", "-v",
                    "ON_ERROR_STOP=1", "-qc", "create extension pg_stat_statements", "-c",
                    "select count(*) from pg_stat_statements"), 120);
            return true;
        } catch (IOException | InterruptedException | IllegalStateException e) {
            return false;
        }
    }

    /** Rows of a query on {@code bench_stats} (see {@link #countStatements}), tab-separated. */
    List<String[]> statistics(String sql) throws IOException, InterruptedException {
        return rows("bench_stats", List.of("-c", sql), 120);
    }

    /** What psql's commands print on a database, unaligned and tab-separated, row by row. */
    private List<String[]> rows(String database, List<String> commands, int timeoutSeconds)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(psql, "-h", host, "-p", String.valueOf(port), "-U", user, "-d",
                database, "-v", "ON_ERROR_STOP=1", "-qAtF", "\t"));
        command.addAll(commands);
        var rows = new ArrayList<String[]>();
        for (var line : run(command, timeoutSeconds).split("\n")) {
            if (!line.isBlank()) rows.add(line.split("\t", -1));
        }
        return rows;
    }

    private double tps(List<String> options, int seconds) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(pgbench, "-h", host, "-p", String.valueOf(port), "-U", user));
        command.addAll(options);
        command.add("bench_ceiling");
        var output = run(command, seconds + 120);
        var matcher = TPS.matcher(output);
        if (matcher.find()) return Double.parseDouble(matcher.group(1));
        matcher = ANY_TPS.matcher(output);
        if (matcher.find()) return Double.parseDouble(matcher.group(1));
        throw new IllegalStateException("no tps in pgbench output:\n" + output);
    }

    private static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) throw new IllegalStateException(command.get(0) + " failed:\n" + output);
        return output;
    }
}
