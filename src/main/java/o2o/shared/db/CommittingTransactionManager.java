package o2o.shared.db;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JDBC transaction manager, which sends a transaction's {@link WithCommit} statements and its
 * {@code COMMIT} as one query: once that has run, the driver's own commit finds no transaction open and sends
 * nothing. A failed statement leaves the transaction failed, and Spring rolls it back as for any failed commit.
 */
public class CommittingTransactionManager extends JdbcTransactionManager {

    CommittingTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        var pending = WithCommit.pending();
        if (pending != null) {
            var connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder()
                    .getConnection();
            try {
                var failure = pending.sendWithCommit(connection);
                if (failure != null) throw failure;
            } catch (SQLException e) {
                throw translateException("JDBC commit", e);
            }
        }
        super.doCommit(status);
    }

    /** Takes the place of Spring Boot's transaction manager, with the same customizations. */
    @Configuration(proxyBeanMethods = false)
    static class Setup {

        @Bean
        CommittingTransactionManager transactionManager(DataSource dataSource,
                ObjectProvider<TransactionManagerCustomizers> customizers) {
            var manager = new CommittingTransactionManager(dataSource);
            customizers.ifAvailable(c -> c.customize(manager));
            return manager;
        }
    }
}
