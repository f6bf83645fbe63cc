package org.parley.application;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.parley.xmpp.spi.HostSettings;

import java.util.function.Consumer;

/**
 * Applies a host change to the running server at once (later steps of the same transaction, such as
 * creating the host's first admin, need the domain served) and takes it back if the transaction rolls
 * back, so the runtime never keeps settings the database does not have.
 */
final class HostChanges {
    private final TransactionSynchronizationRegistry transactions;
    private final Consumer<HostSettings> put;
    private final Consumer<String> remove;

    HostChanges(TransactionSynchronizationRegistry transactions, Consumer<HostSettings> put, Consumer<String> remove) {
        this.transactions = transactions;
        this.put = put;
        this.remove = remove;
    }

    /** {@code before} is null for a new host, {@code after} null for a removed one. */
    void changed(String domain, HostSettings before, HostSettings after) {
        apply(domain, after);
        TransactionEnd.then(transactions, status -> {
            if (status != Status.STATUS_COMMITTED) {
                apply(domain, before);
            }
        });
    }

    private void apply(String domain, HostSettings settings) {
        if (settings == null) {
            remove.accept(domain);
        } else {
            put.accept(settings);
        }
    }
}
