package org.parley.feature.presence;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.parley.xmpp.core.C2SStream;
import org.parley.xmpp.core.Connection;
import org.parley.xmpp.core.XmppServer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client on the real core's stream (no sockets): logs in with PLAIN, sends XML, records what it gets. */
public class TestClient implements Connection {
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final C2SStream stream;
    public volatile boolean closed;

    public TestClient(XmppServer server, String user, String resource) {
        stream = new C2SStream(server, this);
        stream.opened("example.org", "1.0", "en");
        String plain = "\0" + user + "\0secret";
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + "</auth>");
        stream.opened("example.org", "1.0", "en");
        send("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<resource>" + resource + "</resource></bind></iq>");
    }

    public void send(String xml) {
        try {
            stream.element(DocumentHelper.parseText(xml).getRootElement());
        } catch (org.dom4j.DocumentException e) {
            throw new IllegalArgumentException(xml, e);
        }
    }

    public void disconnect() {
        stream.transportClosed();
    }

    /** Everything received so far, parsed. */
    public List<Element> received() {
        List<Element> l = new ArrayList<>();
        for (String xml : received) {
            try {
                l.add(DocumentHelper.parseText(xml).getRootElement());
            } catch (org.dom4j.DocumentException e) {
                throw new IllegalStateException("not well-formed from the server: " + xml, e);
            }
        }
        return l;
    }

    public List<Element> received(String name, String type) {
        return received().stream().filter(e -> e.getName().equals(name)
                && java.util.Objects.equals(type, e.attributeValue("type"))).toList();
    }

    public void clear() {
        received.clear();
    }

    // ---- Connection ----

    @Override
    public void openStream(String streamId, String from, String lang) {
    }

    @Override
    public void send(Element element) {
        received.add(org.parley.xmpp.stream.XmlWriter.toXml(element));
    }

    @Override
    public void sendRaw(String xml) {
        received.add(xml);
    }

    @Override
    public void streamError(String condition, String text) {
        received.add("<stream-error condition='" + condition + "'/>");
        closed = true;
    }

    @Override
    public void closeStream() {
        closed = true;
    }

    @Override
    public boolean isSecure() {
        return true;
    }

    @Override
    public boolean tlsAvailable() {
        return false;
    }

    @Override
    public void startTls(Element proceed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restartStream(Element success) {
        send(success);
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public String transport() {
        return "test";
    }
}
