package io.consort.chassis.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current JTA transaction has committed, and never if it rolls back: for what may only
 * happen after what the transaction wrote is visible to others (waking a worker that will read it, keeping a
 * cache of what it read). The action runs on the committing thread; it must not throw.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Registers {@code action} with the transaction the calling thread is in (there must be one). */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
