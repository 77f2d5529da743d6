package o2o.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scheduled job that runs on every node, on purpose, instead of once across the nodes under a
 * {@code @SchedulerLock}: a cache of this node's memory, or a sandbox standing in for an outside party that calls
 * this node. The reason is written on the job; {@code ScheduledJobsTests} fails on a job that has neither.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PerNode {

    /** Why every node runs it. */
    String value();
}
