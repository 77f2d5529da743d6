package o2o.shared.db;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server is started by {@code pg_ctl}, detached from the JVM, so it would outlive a JVM that is
 * killed. This small shell process, started beside it, waits for the JVM to end and then asks the server for a
 * fast shutdown (SIGINT). A normal stop ends the watchdog first and stops the server as before. Where there is no
 * POSIX shell (Windows) there is no watchdog, and the check at the next start ({@link LeftoverServer}) remains.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    /** $1 the JVM, $2 the postmaster: poll the JVM each second; once it is gone, stop the server if it still runs. */
    private static final String SCRIPT = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            kill -0 "$2" 2>/dev/null && kill -INT "$2"
            """;

    private final @Nullable Process process;

    private PostmasterWatchdog(@Nullable Process process) {
        this.process = process;
    }

    /** No watchdog: the server's pid could not be learnt, or there is no shell. */
    static PostmasterWatchdog none() {
        return new PostmasterWatchdog(null);
    }

    static PostmasterWatchdog start(long postmasterPid) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) return none();
        try {
            var process = new ProcessBuilder("sh", "-c", SCRIPT, "o2o-postgres-watchdog",
                    Long.toString(ProcessHandle.current().pid()), Long.toString(postmasterPid))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            log.info("Embedded PostgreSQL (pid {}) is watched by pid {}: it is stopped if this JVM dies",
                    postmasterPid, process.pid());
            return new PostmasterWatchdog(process);
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL: no watchdog ({}); if this JVM is killed, the next start stops the "
                    + "server it leaves behind", e.getMessage());
            return none();
        }
    }

    @Override
    public void close() {
        if (process != null) process.destroy();
    }
}
