package org.parley.xmpp.core;

import org.parley.xmpp.spi.Sessions;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Bound sessions by account; in memory only (a cluster would put a directory behind this). */
public final class SessionManager implements Sessions {
    private final Map<JID, List<ClientSession>> byAccount = new ConcurrentHashMap<>();
    private final Consumer<ClientSession> onUnbound;

    SessionManager(Consumer<ClientSession> onUnbound) {
        this.onUnbound = onUnbound;
    }

    /** Binds a session; an existing session with the same full JID is replaced and gets a conflict error. */
    void bind(ClientSession session) {
        JID bare = session.jid().asBareJID();
        ClientSession[] replaced = new ClientSession[1];
        byAccount.compute(bare, (k, list) -> {
            List<ClientSession> l = list == null ? new CopyOnWriteArrayList<>() : list;
            for (ClientSession old : l) {
                if (old.jid().equals(session.jid())) {
                    replaced[0] = old;
                    l.remove(old);
                }
            }
            l.add(session);
            return l;
        });
        if (replaced[0] != null) {
            ClientSession old = replaced[0];
            old.markClosed();
            onUnbound.accept(old);
            old.stream().kick("conflict", "replaced by a new session");
        }
    }

    void unbind(ClientSession session) {
        JID bare = session.jid().asBareJID();
        boolean[] removed = new boolean[1];
        byAccount.computeIfPresent(bare, (k, list) -> {
            removed[0] = list.remove(session);
            return list.isEmpty() ? null : list;
        });
        if (removed[0]) {
            session.markClosed();
            onUnbound.accept(session);
        }
    }

    @Override
    public List<ClientSession> of(JID bareJid) {
        List<ClientSession> l = byAccount.get(bareJid.asBareJID());
        return l == null ? List.of() : l;
    }

    @Override
    public ClientSession get(JID fullJid) {
        if (fullJid == null || fullJid.getResource() == null) {
            return null;
        }
        for (ClientSession s : of(fullJid)) {
            if (s.jid().equals(fullJid)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public Collection<ClientSession> all() {
        List<ClientSession> all = new ArrayList<>();
        byAccount.values().forEach(all::addAll);
        return all;
    }

    @Override
    public int count() {
        int n = 0;
        for (List<ClientSession> l : byAccount.values()) {
            n += l.size();
        }
        return n;
    }

    @Override
    public void kick(JID jid, String condition, String text) {
        List<ClientSession> targets = jid.getResource() == null ? of(jid) : List.of();
        if (jid.getResource() != null) {
            ClientSession s = get(jid);
            targets = s == null ? List.of() : List.of(s);
        }
        for (ClientSession s : targets) {
            s.stream().kick(condition, text);
        }
    }
}
