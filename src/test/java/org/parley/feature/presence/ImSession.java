package org.parley.feature.presence;

import org.parley.feature.sessionfakes.FakeSession;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import java.util.List;

/** The shared fake session with assertion helpers for the IM tests. */
public class ImSession extends FakeSession {
    /** What the server sent to this session (alias of {@link #sent}, read by the IM tests). */
    public final List<Packet> received = sent;

    public ImSession(JID jid) {
        super(jid);
    }

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
