package org.parley.application;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.function.IntConsumer;

/** Runs code when the current JTA transaction ends, with its outcome ({@link Status#STATUS_COMMITTED} or not). */
final class TransactionEnd {
    private TransactionEnd() {
    }

    /** False, and nothing registered, when there is no active transaction (or no registry). */
    static boolean then(TransactionSynchronizationRegistry transactions, IntConsumer outcome) {
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return false;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                outcome.accept(status);
            }
        });
        return true;
    }
}
