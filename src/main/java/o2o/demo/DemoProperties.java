package o2o.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled seed at start-up (set by the demo profile)
 * @param stores how many stores the demo city has in all; a later start with a larger number adds the difference
 * @param seed random seed, so two runs make the same city
 * @param members customers who are members of the showcase merchant (phones 150xxxxxxxx)
 * @param orders completed past orders of those members, spread over the last year
 */
@ConfigurationProperties("o2o.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("300") int stores,
        @DefaultValue("20261124") long seed, @DefaultValue("200") int members, @DefaultValue("2000") int orders) {}
