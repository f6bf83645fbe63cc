package org.parley.feature.sessionfakes;

import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bound session for unit tests: records (copies of) what is sent to it until it is closed. */
public class FakeSession implements ClientSessionView {
    public final List<Packet> sent = new CopyOnWriteArrayList<>();
    protected final JID jid;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile Presence presence;
    private volatile boolean interested;
    public volatile boolean closed;

    public FakeSession(String jid) {
        this(new JID(jid));
    }

    public FakeSession(JID jid) {
        this.jid = jid;
    }

    public FakeSession available() {
        presence = new Presence();
        return this;
    }

    @Override
    public JID jid() {
        return jid;
    }

    @Override
    public String domain() {
        return jid.getDomain();
    }

    @Override
    public void send(Packet packet) {
        if (!closed) {
            sent.add(packet.createCopy());
        }
    }

    @Override
    public boolean isAvailable() {
        Presence p = presence;
        return p != null && p.isAvailable();
    }

    @Override
    public boolean isAdmin() {
        return false;
    }

    @Override
    public boolean isInterested() {
        return interested;
    }

    @Override
    public void setInterested(boolean interested) {
        this.interested = interested;
    }

    @Override
    public Presence presence() {
        return presence;
    }

    @Override
    public void presence(Presence presence) {
        this.presence = presence;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key) {
        return (T) attributes.get(key);
    }

    @Override
    public void attribute(String key, Object value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
    }

    @Override
    public String transport() {
        return "test";
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public OffsetDateTime since() {
        return OffsetDateTime.now();
    }

    @Override
    public int priority() {
        Presence p = presence;
        return p == null ? 0 : p.getPriority();
    }

    @Override
    public boolean isSecure() {
        return true;
    }
}
