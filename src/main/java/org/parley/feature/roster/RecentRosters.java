package org.parley.feature.roster;

import org.xmpp.packet.JID;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rosters of accounts whose last session ended recently, kept so that a reconnect (mobile clients, page
 * reloads, a bouncing network) does not read the database again. Bounded; the oldest are dropped first.
 * Correct only because every roster change goes through {@link Rosters} under the account's lock, which
 * updates a kept roster together with the database.
 * <p>
 * One insertion-ordered map under its own lock: it is touched only when sessions end or accounts come back,
 * never per routed stanza, so the lock is not contended.
 */
final class RecentRosters {
    private final int capacity;
    private final Map<JID, Roster> rosters;

    RecentRosters(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.rosters = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<JID, Roster> eldest) {
                return size() > RecentRosters.this.capacity;
            }
        };
    }

    /** Called under the account's lock. */
    void keep(JID bare, Roster roster) {
        if (capacity == 0) {
            return;
        }
        synchronized (rosters) {
            rosters.remove(bare); // a re-kept roster counts as the newest
            rosters.put(bare, roster);
        }
    }

    /** The kept roster, taken out (its account is back online); called under the account's lock. */
    Roster take(JID bare) {
        synchronized (rosters) {
            return rosters.remove(bare);
        }
    }

    /** The kept roster, left in place; called under the account's lock. */
    Roster peek(JID bare) {
        synchronized (rosters) {
            return rosters.get(bare);
        }
    }

    void forget(JID bare) {
        synchronized (rosters) {
            rosters.remove(bare);
        }
    }

    int size() {
        synchronized (rosters) {
            return rosters.size();
        }
    }
}
