package org.parley.feature.blocking;

import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One account's blocked JIDs (immutable), with the matching rules of XEP-0191 §6 / XEP-0016: a full JID
 * matches only itself, a bare JID any of its resources, domain/resource only that JID, and a domain
 * itself, every address at it and every address at one of its subdomains.
 */
public final class Blocklist {
    public static final Blocklist EMPTY = new Blocklist(Map.of());

    /** Canonical string form to JID, in the order the items were blocked. */
    private final Map<String, JID> items;
    private final Set<String> fullJids = new HashSet<>();
    private final Set<String> bareJids = new HashSet<>();
    private final Set<String> domainResources = new HashSet<>();
    private final Set<String> domains = new HashSet<>();

    private Blocklist(Map<String, JID> items) {
        this.items = items;
        for (JID j : items.values()) {
            if (j.getNode() != null) {
                (j.getResource() != null ? fullJids : bareJids).add(j.toString());
            } else {
                (j.getResource() != null ? domainResources : domains).add(j.toString());
            }
        }
    }

    /** From stored strings; a stored value that no longer parses is skipped rather than failing routing. */
    public static Blocklist parse(Collection<String> jids) {
        Map<String, JID> m = new LinkedHashMap<>();
        for (String s : jids) {
            try {
                JID j = new JID(s);
                m.put(j.toString(), j);
            } catch (IllegalArgumentException e) {
                // skip: never stored by this module, but the list must still load
            }
        }
        return m.isEmpty() ? EMPTY : new Blocklist(Collections.unmodifiableMap(m));
    }

    public static Blocklist of(Collection<JID> jids) {
        Map<String, JID> m = new LinkedHashMap<>();
        for (JID j : jids) {
            m.put(j.toString(), j);
        }
        return m.isEmpty() ? EMPTY : new Blocklist(Collections.unmodifiableMap(m));
    }

    /** Whether a stanza from (or to) {@code jid} is blocked by this list. */
    public boolean blocks(JID jid) {
        if (jid == null || items.isEmpty()) {
            return false;
        }
        if (jid.getNode() != null) {
            if (jid.getResource() != null && fullJids.contains(jid.toFullJID())) {
                return true;
            }
            if (bareJids.contains(jid.toBareJID())) {
                return true;
            }
        } else if (jid.getResource() != null && domainResources.contains(jid.toFullJID())) {
            return true;
        }
        return blocksDomain(jid.getDomain());
    }

    private boolean blocksDomain(String domain) {
        if (domains.isEmpty()) {
            return false;
        }
        if (domains.contains(domain)) {
            return true;
        }
        if (isIpLiteral(domain)) {
            return false; // "0.1" is not a parent domain of "10.0.0.1"
        }
        for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
            if (domains.contains(domain.substring(dot + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIpLiteral(String domain) {
        return domain.startsWith("[") || domain.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    public boolean contains(JID jid) {
        return items.containsKey(jid.toString());
    }

    /** This list plus {@code add} (already blocked ones are kept where they were). */
    public Blocklist plus(Collection<JID> add) {
        Map<String, JID> m = new LinkedHashMap<>(items);
        for (JID j : add) {
            m.putIfAbsent(j.toString(), j);
        }
        return m.size() == items.size() ? this : new Blocklist(Collections.unmodifiableMap(m));
    }

    public Blocklist minus(Collection<JID> remove) {
        Map<String, JID> m = new LinkedHashMap<>(items);
        for (JID j : remove) {
            m.remove(j.toString());
        }
        if (m.size() == items.size()) {
            return this;
        }
        return m.isEmpty() ? EMPTY : new Blocklist(Collections.unmodifiableMap(m));
    }

    public List<JID> items() {
        return new ArrayList<>(items.values());
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public String toString() {
        return items.keySet().toString();
    }
}
