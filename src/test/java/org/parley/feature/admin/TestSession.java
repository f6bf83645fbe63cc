package org.parley.feature.admin;

import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A bound session that records what it is sent. */
public class TestSession implements ClientSessionView {
    public final JID jid;
    public final List<Packet> received = new ArrayList<>();
    public boolean available = true;
    private final Map<String, Object> attributes = new HashMap<>();

    public TestSession(String jid) {
        this.jid = new JID(jid);
    }

    @Override public JID jid() { return jid; }
    @Override public String domain() { return jid.getDomain(); }
    @Override public void send(Packet packet) { received.add(packet.createCopy()); }
    @Override public boolean isAvailable() { return available; }
    @Override public boolean isAdmin() { return false; }
    @Override public boolean isInterested() { return false; }
    @Override public void setInterested(boolean interested) { }
    @Override public Presence presence() { return null; }
    @Override public void presence(Presence presence) { }
    @SuppressWarnings("unchecked") @Override public <T> T attribute(String key) { return (T) attributes.get(key); }
    @Override public void attribute(String key, Object value) { attributes.put(key, value); }
    @Override public String transport() { return "tcp"; }
    @Override public String remoteAddress() { return "127.0.0.1"; }
    @Override public OffsetDateTime since() { return OffsetDateTime.parse("2026-01-01T00:00:00Z"); }
    @Override public int priority() { return 0; }
    @Override public boolean isSecure() { return false; }
}
