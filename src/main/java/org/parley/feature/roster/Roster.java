package org.parley.feature.roster;

import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roster of one account in memory. Readers (presence broadcasts, probes) need no lock: items are
 * immutable and the map is concurrent; {@link Rosters} serialises the writers of one account.
 */
public final class Roster {
    private final JID owner;
    private final Map<JID, RosterEntry> items = new ConcurrentHashMap<>();
    private volatile long version;

    public Roster(JID owner, long version, Collection<RosterEntry> entries) {
        this.owner = owner.asBareJID();
        this.version = version;
        for (RosterEntry e : entries) {
            items.put(e.jid(), e);
        }
    }

    public JID owner() {
        return owner;
    }

    /** XEP-0237 roster version: changes with every stored change. */
    public long version() {
        return version;
    }

    /** The item of a contact (bare JID), hidden ones included, or null. */
    public RosterEntry get(JID contact) {
        return items.get(contact.getResource() == null ? contact : contact.asBareJID());
    }

    /** All items, hidden ones included. */
    public Collection<RosterEntry> entries() {
        return Collections.unmodifiableCollection(items.values());
    }

    /** What a roster get returns: the items the user can see, sorted by JID for stable output. */
    public List<RosterEntry> visible() {
        List<RosterEntry> l = new ArrayList<>(items.size());
        for (RosterEntry e : items.values()) {
            if (!e.hidden()) {
                l.add(e);
            }
        }
        l.sort(Comparator.comparing(e -> e.jid().toString()));
        return l;
    }

    void apply(JID contact, RosterEntry after, long newVersion) {
        if (after == null) {
            items.remove(contact);
        } else {
            items.put(contact, after);
        }
        version = newVersion;
    }
}
