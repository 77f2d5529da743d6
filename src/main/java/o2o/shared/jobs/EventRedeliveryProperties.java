package o2o.shared.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event publications that did not complete are delivered again ({@link EventRedelivery}).
 *
 * @param minAge an incomplete publication is resubmitted once it is this old, and again at most this often
 * @param stalePublished a publication still waiting for its listener this long after it was published is stuck
 * @param staleProcessing a publication whose listener still runs this long after it was published is stuck
 * @param staleResubmitted a resubmitted publication still waiting this long after it was published is stuck
 */
@ConfigurationProperties("o2o.events")
record EventRedeliveryProperties(
        @DefaultValue("2m") Duration minAge,
        @DefaultValue("10m") Duration stalePublished,
        @DefaultValue("10m") Duration staleProcessing,
        @DefaultValue("10m") Duration staleResubmitted) {}
