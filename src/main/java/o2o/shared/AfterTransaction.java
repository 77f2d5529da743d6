package o2o.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that belongs after the surrounding transaction, such as refreshing or forgetting what a node remembers: done
 * when the transaction ends, or at once when there is none.
 */
public final class AfterTransaction {

    private AfterTransaction() {}

    /** Runs once the surrounding transaction has committed (never if it rolls back), or now outside one. */
    public static void committed(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /**
     * Runs now and again when the surrounding transaction ends, however it ends: for forgetting a remembered row, so
     * that a request racing the change cannot put the old row back.
     */
    public static void nowAndAtEnd(Runnable action) {
        action.run();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }
}
