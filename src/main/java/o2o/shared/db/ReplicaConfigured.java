package o2o.shared.db;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when both a standalone primary ({@code spring.datasource.url}) and {@code o2o.db.replica.url} are set. */
class ReplicaConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        var replica = environment.getProperty("o2o.db.replica.url");
        if (!StringUtils.hasText(replica)) return ConditionOutcome.noMatch("no o2o.db.replica.url: one pool");
        return StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                ? ConditionOutcome.match("read replica at " + replica)
                : ConditionOutcome.noMatch("o2o.db.replica.url without spring.datasource.url");
    }
}
