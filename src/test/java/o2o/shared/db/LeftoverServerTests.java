package o2o.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a live PostgreSQL of the very data folder is stopped; whatever else postmaster.pid names is left alone. */
class LeftoverServerTests {

    @TempDir
    Path data;

    @Test
    void aLiveProcessThatIsNotPostgresIsLeftAlone() throws Exception {
        var other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), other.pid() + "\n" + data + "\n");

            LeftoverServer.stopIfRunning(data, Duration.ofSeconds(2));

            assertThat(other.isAlive()).isTrue();
            assertThat(data.resolve("postmaster.pid")).exists();
        } finally {
            other.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPidFileOfAProcessThatIsGoneIsLeftToPostgres() throws Exception {
        var gone = new ProcessBuilder("true").start();
        gone.waitFor(5, TimeUnit.SECONDS);
        Files.writeString(data.resolve("postmaster.pid"), gone.pid() + "\n" + data + "\n");

        LeftoverServer.stopIfRunning(data, Duration.ofSeconds(2));

        assertThat(data.resolve("postmaster.pid")).exists();
    }

    @Test
    void noPidFileNothingToDo() throws Exception {
        LeftoverServer.stopIfRunning(data, Duration.ofSeconds(2));

        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }
}
