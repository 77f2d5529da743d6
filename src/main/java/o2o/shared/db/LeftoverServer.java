package o2o.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on the embedded data folder, left behind by an earlier run of the application
 * that was killed ({@code kill -9}, the OOM killer) before it could stop it. Such a server keeps {@code
 * postmaster.pid} and the folder, so a new server cannot start there. It is stopped only when {@code postmaster.pid}
 * names a live process that is PostgreSQL and serves this very folder; anything else is left alone.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {}

    /** Stops a server left running on this data folder (fast shutdown) and waits until it is gone. */
    static void stopIfRunning(Path dataDir, Duration patience) throws IOException {
        var pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.getFirst().strip().matches("\\d+")) {
            log.warn("Embedded PostgreSQL: {} is unreadable; leaving it to PostgreSQL", pidFile);
            return;
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Embedded PostgreSQL: {} names pid {}, which is not running (an unclean stop); PostgreSQL "
                    + "recovers from its journal as it starts", pidFile, pid);
            return;
        }
        var command = process.get().info().command().orElse("");
        boolean postgres = Path.of(command).getFileName() != null
                && Path.of(command).getFileName().toString().startsWith("postgres");
        boolean sameFolder = Files.isDirectory(Path.of(lines.get(1).strip()))
                && Files.isSameFile(Path.of(lines.get(1).strip()), dataDir);
        if (!postgres || !sameFolder) {
            log.warn("Embedded PostgreSQL: {} names pid {} ({}, data {}), which is not a PostgreSQL server of this "
                    + "folder; leaving it alone", pidFile, pid, command.isEmpty() ? "command unknown" : command,
                    lines.get(1).strip());
            return;
        }
        log.warn("Embedded PostgreSQL: a server (pid {}) is still running on {}, left by an earlier run that did "
                + "not shut down; stopping it (fast shutdown) before starting", pid, dataDir);
        long started = System.nanoTime();
        fastShutdown(process.get());
        try {
            process.get().onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL server (pid " + pid + ") left running on " + dataDir
                    + " did not stop within " + patience.toSeconds() + " s; stop it (kill -INT " + pid
                    + ") and start again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the left-over PostgreSQL server", e);
        }
        log.warn("Embedded PostgreSQL: the left-over server (pid {}) stopped in {} ms", pid,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * SIGINT, PostgreSQL's fast shutdown: open transactions (of the dead application) roll back, the data is
     * checkpointed. Java can send only SIGTERM (smart shutdown, which also ends once no client is connected).
     */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            var kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) return;
        } catch (IOException e) {
            log.debug("no kill command; sending SIGTERM instead", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }
}
