package org.parley.application;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.xmpp.packet.JID;

import java.util.function.Consumer;

/**
 * Tells the XMPP runtime that an account changed, at the right moments of the transaction that changes it.
 * The account cache is cleared at once and again when the transaction ends: a login that looks the account
 * up in between reads the row as it was before the commit (or, inside this transaction, a change that may
 * still roll back) and would otherwise cache it for good. What must follow the stored change (ending the
 * sessions of a disabled or removed account) runs only after the commit, so a client that reconnects at
 * once finds the new state.
 */
final class AccountChanges {
    private final TransactionSynchronizationRegistry transactions;
    private final Consumer<JID> invalidate;

    AccountChanges(TransactionSynchronizationRegistry transactions, Consumer<JID> invalidate) {
        this.transactions = transactions;
        this.invalidate = invalidate;
    }

    /** The account changed in the current transaction (if any); {@code onCommit} runs once it committed. */
    void changed(JID bare, Runnable onCommit) {
        invalidate.accept(bare);
        boolean later = TransactionEnd.then(transactions, status -> {
            invalidate.accept(bare);
            if (status == Status.STATUS_COMMITTED) {
                onCommit.run();
            }
        });
        if (!later) {
            onCommit.run();
        }
    }

    void changed(JID bare) {
        changed(bare, () -> { });
    }
}
