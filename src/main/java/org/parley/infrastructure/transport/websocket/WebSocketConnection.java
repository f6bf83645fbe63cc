package org.parley.infrastructure.transport.websocket;

import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.parley.xmpp.core.C2SStream;
import org.parley.xmpp.core.Connection;
import org.parley.xmpp.core.StanzaLimit;
import org.parley.xmpp.spi.Hosts;
import org.parley.xmpp.core.Stanzas;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.stream.RootElement;
import org.parley.xmpp.stream.XmlStreamException;
import org.parley.xmpp.stream.XmlStreamParser;
import org.parley.xmpp.stream.XmlWriter;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * One XMPP-over-WebSocket connection (RFC 7395): each text message holds one element, parsed on its own;
 * {@code <open/>} and {@code <close/>} of the framing namespace stand for the stream header and its end.
 * Everything else is the same {@link C2SStream} as over TCP. Input arrives on the container's thread for
 * this session, one message part at a time; output goes through an {@link Outbox}.
 */
final class WebSocketConnection implements Connection, XmlStreamParser.Listener {
    static final String FRAMING_NS = "urn:ietf:params:xml:ns:xmpp-framing";
    private static final QName XML_LANG = QName.get("lang", Namespace.XML_NAMESPACE);
    /** After a server-initiated close, how long the peer has to answer with its own {@code <close/>}. */
    static final long CLOSE_GRACE_MILLIS = 2000;

    private final Outbox out;
    private final XmlStreamParser parser;
    private final Hosts hosts;
    private final C2SStream stream;
    private final boolean secure;
    private final String remoteAddress;
    private final BiConsumer<Runnable, Long> later;
    private volatile boolean awaitingOpen = true;
    private volatile boolean inputEnded;   // stream error or close: further input is ignored
    private volatile boolean closeSent;
    private char pendingHighSurrogate;

    /**
     * @param later runs a task after a delay in milliseconds (closing after a grace period)
     */
    WebSocketConnection(XmppServer server, Outbox out, boolean secure, String remoteAddress, int maxStanzaBytes,
                        BiConsumer<Runnable, Long> later) {
        this.out = out;
        this.secure = secure;
        this.remoteAddress = remoteAddress;
        this.later = later;
        this.parser = new XmlStreamParser(XmlStreamParser.Mode.DOCUMENTS, maxStanzaBytes, this);
        this.hosts = server.hosts();
        this.stream = new C2SStream(server, this);
    }

    C2SStream stream() {
        return stream;
    }

    // ---- inbound (the container's thread for this session, never concurrently) ----

    /** A text message, or a part of one ({@code last} marks its end). */
    void text(String part, boolean last) {
        if (inputEnded) {
            return;
        }
        try {
            String s = part;
            if (pendingHighSurrogate != 0) {
                s = pendingHighSurrogate + s;
                pendingHighSurrogate = 0;
            }
            if (!last && !s.isEmpty() && Character.isHighSurrogate(s.charAt(s.length() - 1))) {
                // a character split between two parts: encode it whole with the next part
                pendingHighSurrogate = s.charAt(s.length() - 1);
                s = s.substring(0, s.length() - 1);
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            parser.feed(bytes, 0, bytes.length);
            if (last) {
                parser.endOfInput();
            }
        } catch (XmlStreamException e) {
            inputError(e.condition(), e.getMessage());
        }
    }

    /** The WebSocket closed (by the peer, the network or us). */
    void transportClosed() {
        inputEnded = true;
        out.abort();
        stream.transportClosed();
    }

    @Override
    public void element(Element element) {
        if (inputEnded) {
            return;
        }
        String name = element.getName();
        if (FRAMING_NS.equals(element.getNamespaceURI())) {
            switch (name) {
                case "open" -> open(element);
                case "close" -> peerClosed();
                default -> inputError("unsupported-stanza-type", "unknown framing element <" + name + "/>");
            }
            return;
        }
        if (awaitingOpen && ("open".equals(name) || "close".equals(name) || "stream".equals(name))) {
            inputError("invalid-namespace", "the framing elements are in " + FRAMING_NS);
            return;
        }
        if (element.getNamespaceURI().isEmpty()) {
            // Each message is a document of its own (RFC 7395 §3.3.3): there is no stream default namespace
            // to inherit, so a stanza without xmlns='jabber:client' has the wrong content namespace.
            inputError("invalid-namespace", "top-level elements must declare their namespace (jabber:client)");
            return;
        }
        stream.element(element);
    }

    private void open(Element open) {
        if (!awaitingOpen) {
            inputError("bad-format", "<open/> is only allowed at the start and after authentication");
            return;
        }
        awaitingOpen = false;
        parser.limitElementBytes(StanzaLimit.of(hosts, open.attributeValue("to")));
        stream.opened(open.attributeValue("to"), open.attributeValue("version"), open.attributeValue(XML_LANG));
    }

    private void peerClosed() {
        inputEnded = true;
        if (closeSent) {
            out.closeAfterDrain(Outbox.NORMAL, null); // the answer to our close
        } else {
            stream.closedByPeer(); // answers with closeStream()
        }
    }

    private void inputError(String condition, String text) {
        inputEnded = true;
        stream.streamError(condition, text);
    }

    @Override
    public void rootOpened(RootElement root) {
        // not used in DOCUMENTS mode
    }

    @Override
    public void rootClosed() {
        // not used in DOCUMENTS mode
    }

    // ---- outbound (any thread) ----

    @Override
    public void openStream(String streamId, String from, String lang) {
        out.text(Framing.open(streamId, from, lang));
    }

    @Override
    public void send(Element element) {
        out.text(Stanzas.toXml(element));
    }

    @Override
    public void sendRaw(String xml) {
        out.text(xml);
    }

    @Override
    public void streamError(String condition, String text) {
        inputEnded = true;
        closeSent = true;
        out.text(Framing.streamError(condition, text));
        out.text(Framing.close());
        out.closeAfterDrain(Outbox.NORMAL, null);
        closeLater();
    }

    @Override
    public void closeStream() {
        closeSent = true;
        out.text(Framing.close());
        if (inputEnded) {
            out.closeAfterDrain(Outbox.NORMAL, null); // the peer closed first: this was the answer
        }
        closeLater();
    }

    /** Whatever happens (no answering close, a peer that does not read), the WebSocket ends after a grace period. */
    private void closeLater() {
        later.accept(() -> out.forceClose(Outbox.NORMAL, null), CLOSE_GRACE_MILLIS);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    /** No STARTTLS over WebSocket: TLS is the HTTP connection's (wss). */
    @Override
    public boolean tlsAvailable() {
        return false;
    }

    @Override
    public void startTls(Element proceed) {
        throw new IllegalStateException("no STARTTLS over WebSocket (tlsAvailable() is false)");
    }

    @Override
    public void restartStream(Element success) {
        awaitingOpen = true; // before the client can see <success/> and send its new <open/>
        out.text(XmlWriter.toXml(success));
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String transport() {
        return "websocket";
    }

    /** Keep-alive: a WebSocket ping when nothing was written for {@code idleMillis}. */
    void keepAlive(long idleMillis) {
        out.pingIfIdle(idleMillis);
    }
}
