package o2o.payments;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.payments.persistence.ProviderAccountTable;
import org.springframework.stereotype.Component;

/** The operator's switch per gateway, read through a ten-second cache per node; a switch clears this node's copy. */
@Component
class OperatorSwitches {

    private final ProviderAccountTable table;
    private final Clock clock;
    private final Cache<String, Boolean> switches = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10)).build();

    OperatorSwitches(ProviderAccountTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    void turn(String provider, boolean on) {
        table.switchProvider(provider, on, clock.instant());
        switches.invalidate(provider);
    }

    boolean on(String provider) {
        return switches.get(provider, table::switchedOn);
    }
}
