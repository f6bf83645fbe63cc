package org.parley.feature.roster;

import org.xmpp.packet.JID;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Rosters of accounts whose last session ended recently, kept so that a reconnect (mobile clients, page
 * reloads, a bouncing network) does not read the database again. Bounded; the oldest are dropped first.
 * Correct only because every roster change goes through {@link Rosters} under the account's lock, which
 * updates a kept roster together with the database.
 */
final class RecentRosters {
    private final int capacity;
    private final Map<JID, Roster> rosters = new ConcurrentHashMap<>();
    private final Queue<JID> order = new ConcurrentLinkedQueue<>();

    RecentRosters(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    /** Called under the account's lock. */
    void keep(JID bare, Roster roster) {
        if (capacity == 0) {
            return;
        }
        if (rosters.put(bare, roster) == null) {
            order.add(bare);
        }
        while (rosters.size() > capacity) {
            JID oldest = order.poll();
            if (oldest == null) {
                break;
            }
            rosters.remove(oldest);
        }
    }

    /** The kept roster, taken out (its account is back online); called under the account's lock. */
    Roster take(JID bare) {
        return rosters.remove(bare);
    }

    /** The kept roster, left in place; called under the account's lock. */
    Roster peek(JID bare) {
        return rosters.get(bare);
    }

    void forget(JID bare) {
        rosters.remove(bare);
    }

    int size() {
        return rosters.size();
    }
}
