package org.parley.xmpp.core;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Resource binding after SASL (RFC 6120 §7, and the no-op RFC 3921 session IQ), apart from {@link C2SStream}
 * so the stream keeps only its states: turns an authenticated stream into a bound {@link ClientSession}.
 */
final class ResourceBinding {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final XmppServer server;
    private final Connection connection;
    private final C2SStream stream;

    ResourceBinding(XmppServer server, Connection connection, C2SStream stream) {
        this.server = server;
        this.connection = connection;
        this.stream = stream;
    }

    /** An element on an authenticated stream that has no resource yet. */
    void handle(Element element, String username, String domain) {
        if (!"iq".equals(element.getName()) || !Stanzas.CLIENT_NS.equals(element.getNamespaceURI())) {
            stream.fail("not-authorized", "bind a resource first");
            return;
        }
        if (stream.answeredMalformedIq(element, null)) {
            return;
        }
        IQ iq = new IQ(element, true);
        Element child = iq.getChildElement();
        if (iq.getType() == IQ.Type.set && child != null && C2SStream.BIND_NS.equals(child.getNamespaceURI())) {
            bind(iq, child.elementTextTrim("resource"), username, domain);
        } else if (iq.getType() == IQ.Type.set && child != null
                && C2SStream.SESSION_NS.equals(child.getNamespaceURI())) {
            connection.send(IQ.createResultIQ(iq).getElement());
        } else {
            IQ error = IQ.createResultIQ(iq);
            error.setType(IQ.Type.error);
            error.setError(PacketError.Condition.not_authorized);
            connection.send(error.getElement());
        }
    }

    private void bind(IQ iq, String requested, String username, String domain) {
        String resource = requested == null || requested.isBlank() ? generatedResource() : requested;
        JID jid;
        try {
            jid = BoundJid.of(username, domain, resource);
        } catch (IllegalArgumentException e) {
            IQ error = IQ.createResultIQ(iq);
            error.setType(IQ.Type.error);
            error.setError(new PacketError(PacketError.Condition.bad_request, PacketError.Type.modify));
            connection.send(error.getElement());
            return;
        }
        if (!server.accounts().isEnabled(jid.asBareJID())) {
            stream.fail("not-authorized", "account disabled");
            return;
        }
        ClientSession s = new ClientSession(stream, jid, server.accounts().isAdmin(jid.asBareJID()));
        stream.bound(s);
        server.sessionManager().bind(s);
        IQ result = IQ.createResultIQ(iq);
        result.setTo((JID) null);
        result.setChildElement("bind", C2SStream.BIND_NS).addElement("jid").setText(jid.toString());
        connection.send(result.getElement());
        server.fireBound(s);
    }

    private static String generatedResource() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "parley-" + HexFormat.of().formatHex(b);
    }
}
