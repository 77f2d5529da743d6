package o2o.shared.jobs;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import o2o.shared.PerNode;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job runs once per tick across the nodes ({@code @SchedulerLock}) or says why it runs on every node
 * ({@link PerNode}); a new {@code @Scheduled} method with neither fails here. A lock's bounds must make sense for its
 * job: held at least shorter than the job's interval, at most several times longer, and its name used once.
 */
class ScheduledJobsTests {

    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[^:}]+:([^}]+)}");

    private static final List<Method> JOBS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("o2o").stream()
            .flatMap(c -> c.getMethods().stream())
            .filter(m -> m.isAnnotatedWith(Scheduled.class))
            .map(JavaMethod::reflect)
            .toList();

    @Test
    void everyScheduledJobIsLockedOrSaysWhyItRunsOnEveryNode() {
        assertThat(JOBS).as("scheduled jobs found").hasSizeGreaterThan(20);
        var offenders = new ArrayList<String>();
        for (var job : JOBS) {
            var locked = job.isAnnotationPresent(SchedulerLock.class);
            var perNode = job.getAnnotation(PerNode.class);
            if (locked == (perNode != null)) {
                offenders.add(name(job) + (locked ? " has both @SchedulerLock and @PerNode" : " has neither"));
            } else if (perNode != null && perNode.value().isBlank()) {
                offenders.add(name(job) + " runs on every node without saying why");
            }
        }
        assertThat(offenders).as("@Scheduled methods without @SchedulerLock or @PerNode").isEmpty();
    }

    /** The lock is an AOP proxy around the method: public, so the proxy sees it; void, as a skipped run returns nothing. */
    @Test
    void aLockedJobIsAPublicVoidMethodWithItsOwnName() {
        var names = new HashMap<String, String>();
        for (var job : JOBS) {
            var lock = job.getAnnotation(SchedulerLock.class);
            if (lock == null) continue;
            assertThat(Modifier.isPublic(job.getModifiers())).as("%s is public", name(job)).isTrue();
            assertThat(job.getReturnType()).as("%s returns nothing", name(job)).isEqualTo(void.class);
            assertThat(lock.name()).as("%s's lock name", name(job)).matches("[a-z]+\\.[a-z-]+");
            var before = names.put(lock.name(), name(job));
            assertThat(before).as("lock %s named by %s and %s", lock.name(), before, name(job)).isNull();
        }
    }

    @Test
    void aLockIsHeldShorterThanItsJobsIntervalAndReleasedLongAfter() {
        for (var job : JOBS) {
            var lock = job.getAnnotation(SchedulerLock.class);
            if (lock == null) continue;
            var atLeast = Duration.parse(lock.lockAtLeastFor());
            var atMost = Duration.parse(lock.lockAtMostFor());
            assertThat(atLeast).as("%s holds its lock a while", name(job)).isPositive();
            assertThat(atMost).as("%s releases its lock long after it is held at least", name(job))
                    .isGreaterThanOrEqualTo(atLeast.multipliedBy(5));
            var interval = interval(job.getAnnotation(Scheduled.class));
            if (interval != null) {
                assertThat(atLeast).as("%s holds its lock shorter than its interval %s", name(job), interval)
                        .isLessThan(interval);
            }
        }
    }

    /** The default interval of a fixed-delay job ({@code ${property:1s}} or a literal); null for a cron job. */
    private static Duration interval(Scheduled scheduled) {
        var text = scheduled.fixedDelayString();
        if (text.isEmpty()) return null;
        var placeholder = DEFAULT.matcher(text);
        var value = placeholder.matches() ? placeholder.group(1) : text;
        if (value.startsWith("P")) return Duration.parse(value);
        var unit = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.toLowerCase(Locale.ROOT));
        assertThat(unit.matches()).as("interval %s", value).isTrue();
        var amount = Long.parseLong(unit.group(1));
        return switch (unit.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static String name(Method job) {
        return job.getDeclaringClass().getName() + "." + job.getName();
    }
}
