package org.parley.infrastructure.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The accounts that may have rows in one table (roster items, blocked JIDs, offline messages), so that the
 * first login of an account with none (most accounts, e.g. every one just registered) skips that table's
 * query: each query is an EJB call with its own connection and transaction, and after a restart the first
 * login of every account paid several of them. The owners with rows are read once, with one query, when
 * the feature starts ({@link #load}); every write that adds rows calls {@link #writing} first, so an
 * account absent from both sets has no rows. Until loaded, or when there are more owners than the bound,
 * every account may have rows (the query runs, as before). Owners are never removed: a stale "may have"
 * only costs the query it used to cost.
 */
public final class StoredOwners {
    private final int max;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private volatile Set<String> stored;
    private volatile boolean tooMany;

    /** @param max owners to remember at most (stored and written together); beyond that, every lookup queries */
    public StoredOwners(int max) {
        this.max = max;
    }

    /**
     * Reads the owners that have rows now. {@code query} returns up to {@code limit} distinct owners; more
     * than {@code max} leave the index off.
     */
    public void load(IntFunction<List<String>> query) {
        List<String> owners = query.apply(max + 1);
        if (owners.size() > max) {
            tooMany = true;
            return;
        }
        Set<String> s = ConcurrentHashMap.newKeySet(owners.size());
        s.addAll(new HashSet<>(owners));
        stored = s;
    }

    /** Called before a write that may add rows for {@code owner} (under the owner's lock, like its reads). */
    public void writing(String owner) {
        if (tooMany) {
            return;
        }
        if (written.add(owner) && written.size() > max) {
            tooMany = true;
            written.clear();
        }
    }

    /** False only when the owner certainly has no rows. */
    public boolean mayHave(String owner) {
        Set<String> s = stored;
        return tooMany || s == null || s.contains(owner) || written.contains(owner);
    }

    /** {@code load.apply(owner)}, or {@code none} without asking when the owner has no rows. */
    public <T> T read(String owner, Function<String, T> load, T none) {
        return mayHave(owner) ? load.apply(owner) : none;
    }
}
