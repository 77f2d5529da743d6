package o2o.identity.security;

import o2o.identity.StaffAccounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Makes sure the configured platform operator can sign in on a fresh installation. */
@Component
class OperatorBootstrap implements ApplicationRunner {

    private final IdentityProperties properties;
    private final StaffAccounts accounts;

    OperatorBootstrap(IdentityProperties properties, StaffAccounts accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.operatorUsername().isBlank() && !properties.operatorPassword().isBlank()) {
            accounts.ensureOperator(properties.operatorUsername(), properties.operatorPassword());
        }
    }
}
