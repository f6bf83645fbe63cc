package org.parley.application;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountChangesTest {
    static final JID ALICE = new JID("alice@example.org");

    /** A registry with one transaction whose status the test sets; it keeps the registered synchronizations. */
    static final class Registry implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        final List<Synchronization> registered = new ArrayList<>();

        void end(int outcome) {
            status = outcome;
            registered.forEach(s -> s.afterCompletion(outcome));
        }

        @Override public Object getTransactionKey() { return status == Status.STATUS_NO_TRANSACTION ? null : this; }
        @Override public void putResource(Object key, Object value) { }
        @Override public Object getResource(Object key) { return null; }
        @Override public void registerInterposedSynchronization(Synchronization sync) { registered.add(sync); }
        @Override public int getTransactionStatus() { return status; }
        @Override public void setRollbackOnly() { }
        @Override public boolean getRollbackOnly() { return false; }
    }

    final List<String> log = new ArrayList<>();
    final Registry registry = new Registry();
    final AccountChanges changes = new AccountChanges(registry, jid -> log.add("invalidate " + jid));

    @Test
    void theCacheIsClearedNowAndAgainAfterTheCommitAndOnlyThenFollowsTheAction() {
        changes.changed(ALICE, () -> log.add("kick"));
        assertEquals(List.of("invalidate alice@example.org"), log, "nothing follows before the commit");
        registry.end(Status.STATUS_COMMITTED);
        assertEquals(List.of("invalidate alice@example.org", "invalidate alice@example.org", "kick"), log);
    }

    @Test
    void aRollbackClearsTheCacheButRunsNoAction() {
        changes.changed(ALICE, () -> log.add("kick"));
        registry.end(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of("invalidate alice@example.org", "invalidate alice@example.org"), log);
    }

    @Test
    void withoutATransactionTheActionRunsAtOnce() {
        registry.status = Status.STATUS_NO_TRANSACTION;
        changes.changed(ALICE, () -> log.add("kick"));
        assertEquals(List.of("invalidate alice@example.org", "kick"), log);
    }
}
