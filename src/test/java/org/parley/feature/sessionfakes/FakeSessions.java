package org.parley.feature.sessionfakes;

import org.parley.xmpp.spi.Sessions;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Bound sessions for unit tests; records kicks. */
public final class FakeSessions implements Sessions {
    public final List<FakeSession> sessions = new ArrayList<>();
    public final List<String> kicked = new ArrayList<>();

    public FakeSession add(String jid) {
        FakeSession s = new FakeSession(jid);
        sessions.add(s);
        return s;
    }

    @Override
    public List<FakeSession> of(JID bareJid) {
        return sessions.stream().filter(s -> s.jid().asBareJID().equals(bareJid.asBareJID())).toList();
    }

    @Override
    public FakeSession get(JID fullJid) {
        return sessions.stream().filter(s -> s.jid().equals(fullJid)).findFirst().orElse(null);
    }

    @Override
    public Collection<FakeSession> all() {
        return new ArrayList<>(sessions);
    }

    @Override
    public int count() {
        return sessions.size();
    }

    @Override
    public void kick(JID jid, String streamErrorCondition, String text) {
        kicked.add(jid + " " + streamErrorCondition);
        sessions.removeIf(s -> s.jid().equals(jid));
    }
}
