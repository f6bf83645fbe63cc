package org.parley.feature.presence;

import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bound session that records what the server sends it. */
public class FakeSession implements ClientSessionView {
    private final JID jid;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    public final List<Packet> received = new CopyOnWriteArrayList<>();
    private volatile Presence presence;
    private volatile boolean interested;
    volatile boolean closed;

    public FakeSession(JID jid) {
        this.jid = jid;
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
            received.add(packet.createCopy());
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

    // ---- for assertions ----

    public List<Presence> presences() {
        return received.stream().filter(p -> p instanceof Presence).map(p -> (Presence) p).toList();
    }

    public List<Presence> presences(Presence.Type type) {
        return presences().stream().filter(p -> p.getType() == type).toList();
    }

    public List<Message> messages() {
        return received.stream().filter(p -> p instanceof Message).map(p -> (Message) p).toList();
    }

    /** Roster pushes: the pushed item elements. */
    public List<org.dom4j.Element> pushes() {
        return received.stream().filter(p -> p instanceof IQ iq && iq.getType() == IQ.Type.set)
                .map(p -> ((IQ) p).getChildElement().element("item")).toList();
    }

    public List<IQ> results() {
        return received.stream().filter(p -> p instanceof IQ iq && iq.getType() != IQ.Type.set)
                .map(p -> (IQ) p).toList();
    }

    public void clear() {
        received.clear();
    }

    @Override
    public String toString() {
        return jid.toString();
    }
}
