package org.parley.xmpp.core;

import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A bound resource of an account: what routing and modules see. Transport-free. */
public final class ClientSession implements ClientSessionView {
    private final C2SStream stream;
    private final JID jid;
    private final boolean admin;
    private final OffsetDateTime since = OffsetDateTime.now();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile Presence presence;
    private volatile boolean interested;
    private volatile boolean closed;

    ClientSession(C2SStream stream, JID jid, boolean admin) {
        this.stream = stream;
        this.jid = jid;
        this.admin = admin;
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
            stream.connection().sendRaw(Stanzas.toXml(packet.getElement()));
        }
    }

    /** Sends an already serialised stanza (one serialisation for many receivers). */
    public void sendRaw(String xml) {
        if (!closed) {
            stream.connection().sendRaw(xml);
        }
    }

    @Override
    public boolean isAvailable() {
        Presence p = presence;
        return p != null && p.isAvailable();
    }

    @Override
    public boolean isAdmin() {
        return admin;
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
        return stream.connection().transport();
    }

    @Override
    public String remoteAddress() {
        return stream.connection().remoteAddress();
    }

    @Override
    public OffsetDateTime since() {
        return since;
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
    public int priority() {
        Presence p = presence;
        return p == null ? 0 : p.getPriority();
    }

    @Override
    public boolean isSecure() {
        return stream.connection().isSecure();
    }

    C2SStream stream() {
        return stream;
    }

    boolean isClosed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    @Override
    public String toString() {
        return jid + " (" + transport() + ")";
    }
}
