package org.parley.feature.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.config.ParleyConfig;
import org.parley.infrastructure.persistence.StoredOwners;
import org.xmpp.packet.JID;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Rosters of the accounts that have a bound session, in memory, so presence broadcasts and probes never
 * read the database. Loaded when a session binds (or on first use while one is bound), dropped when the
 * last session ends. Rosters of offline accounts (e.g. the recipient of a subscription request) are
 * read from storage for the one operation and not kept, except that the rosters of accounts that went
 * offline recently stay in a bounded {@link RecentRosters} ({@code parley.roster.cache.offline}, default
 * 10,000 accounts), so that a reconnect does not read the database. Accounts that have never stored a
 * roster item (every account just registered) are known from {@link StoredOwners} and not read at all.
 * <p>
 * Every change of one account's roster runs under that account's lock (striped; never two held at once),
 * is stored first and then applied to the cached copy, so the cache always equals the database. The
 * change listener (roster pushes) also runs under that lock: two changes of one item racing on two
 * threads (the user approving a request while the contact's approval arrives) reach the user's clients
 * in the order they were stored, so a client never ends on the older state.
 */
@ApplicationScoped
public class Rosters {
    private static final int STRIPES = 256;
    private static final RosterStorage.Loaded NONE = new RosterStorage.Loaded(0, List.of());

    private RosterStorage storage;

    private final Map<JID, Roster> cache = new ConcurrentHashMap<>();
    private final RecentRosters recent;
    private final StoredOwners owners = new StoredOwners(ParleyConfig.getInt("owners.index.max", 200_000));
    private final Object[] locks = new Object[STRIPES];
    private volatile Predicate<JID> online = jid -> false;
    private volatile Consumer<RosterChange> listener = change -> { };

    /** For the container's proxy. */
    protected Rosters() {
        this(null, 0);
    }

    @Inject
    public Rosters(RosterStorage storage) {
        this(storage, ParleyConfig.getInt("roster.cache.offline", 10_000));
    }

    Rosters(RosterStorage storage, int recentCapacity) {
        this.storage = storage;
        this.recent = new RecentRosters(recentCapacity);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Tells which accounts have bound sessions (their rosters stay cached). */
    public void cacheWhile(Predicate<JID> hasSessions) {
        this.online = Objects.requireNonNull(hasSessions);
    }

    /** The roster of an account: the cached one, or loaded (and cached if the account is online). */
    public Roster get(JID owner) {
        JID bare = owner.asBareJID();
        Roster r = cache.get(bare);
        if (r != null) {
            return r;
        }
        synchronized (lock(bare)) {
            return loadLocked(bare, online.test(bare));
        }
    }

    /** Reads which accounts have a stored roster (one query), so the others are never read. */
    public void loadOwners() {
        owners.load(storage::owners);
    }

    /** A session of the account was bound: keep its roster in memory. */
    public void open(JID owner) {
        JID bare = owner.asBareJID();
        synchronized (lock(bare)) {
            loadLocked(bare, true);
        }
    }

    /** A session of the account ended: drop the roster unless another session is still bound. */
    public void close(JID owner) {
        JID bare = owner.asBareJID();
        synchronized (lock(bare)) {
            if (!online.test(bare)) {
                Roster r = cache.remove(bare);
                if (r != null) {
                    recent.keep(bare, r);
                }
            }
        }
    }

    /** Receives every stored change, under the owner's lock; it must not block (session sends queue). */
    public void onChange(Consumer<RosterChange> changeListener) {
        this.listener = Objects.requireNonNull(changeListener);
    }

    public boolean isCached(JID owner) {
        return cache.containsKey(owner.asBareJID());
    }

    /**
     * Changes one item: {@code change} gets the current item (or null) and returns the new one (null to
     * delete). Nothing is stored when the result equals the current item.
     */
    public RosterChange update(JID owner, JID contact, UnaryOperator<RosterEntry> change) {
        JID bare = owner.asBareJID();
        JID contactBare = contact.asBareJID();
        synchronized (lock(bare)) {
            Roster roster = loadLocked(bare, online.test(bare));
            RosterEntry before = roster.get(contactBare);
            RosterEntry after = change.apply(before);
            if (after != null && after.isDisposable()) {
                after = null;
            }
            if (Objects.equals(before, after)) {
                return new RosterChange(bare, before, after, roster.version());
            }
            owners.writing(bare.toBareJID()); // a delete stores a version too
            long version = after == null
                    ? storage.delete(bare.toBareJID(), contactBare.toBareJID())
                    : storage.save(bare.toBareJID(), after);
            roster.apply(contactBare, after, version);
            RosterChange stored = new RosterChange(bare, before, after, version);
            listener.accept(stored);
            return stored;
        }
    }

    /** Removes an account's roster (the account was deleted). */
    public void deleteAll(JID owner) {
        JID bare = owner.asBareJID();
        synchronized (lock(bare)) {
            storage.deleteAll(bare.toBareJID());
            cache.remove(bare);
            recent.forget(bare);
        }
    }

    private Roster loadLocked(JID bare, boolean keep) {
        Roster r = cache.get(bare);
        if (r != null) {
            return r;
        }
        r = keep ? recent.take(bare) : recent.peek(bare);
        if (r != null) {
            if (keep) {
                cache.put(bare, r);
            }
            return r;
        }
        RosterStorage.Loaded loaded = owners.read(bare.toBareJID(), storage::load, NONE);
        r = new Roster(bare, loaded.version(), loaded.entries());
        if (keep) {
            cache.put(bare, r);
        }
        return r;
    }

    private Object lock(JID bare) {
        return locks[(bare.hashCode() & 0x7fffffff) % STRIPES];
    }
}
