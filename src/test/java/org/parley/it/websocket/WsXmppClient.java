package org.parley.it.websocket;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** A minimal RFC 7395 client on the JDK's WebSocket: one XML element per text message. */
final class WsXmppClient implements AutoCloseable {
    static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";
    static final String STREAMS = "http://etherx.jabber.org/streams";
    static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    static final int HTTP_PORT = Integer.getInteger("parley.http.port", 18080);
    static final String URL = "ws://127.0.0.1:" + HTTP_PORT + "/xmpp-websocket";
    static final String DOMAIN = System.getProperty("parley.domains", "localhost").split(",")[0].trim();
    static final Duration WAIT = Duration.ofSeconds(10);

    final WebSocket ws;
    private final Receiver receiver;
    String jid;

    private WsXmppClient(WebSocket ws, Receiver receiver) {
        this.ws = ws;
        this.receiver = receiver;
    }

    /** Connects with the {@code xmpp} subprotocol. */
    static WsXmppClient connect() throws Exception {
        return connect(true);
    }

    static WsXmppClient connect(boolean subprotocol) throws Exception {
        Receiver r = new Receiver();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (subprotocol) {
            b.subprotocols("xmpp");
        }
        WebSocket ws = b.buildAsync(URI.create(URL), r).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new WsXmppClient(ws, r);
    }

    /** Collects text messages (assembling parts) and the close status. */
    static final class Receiver implements WebSocket.Listener {
        final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                inbox.add(parts.toString());
                parts.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    CompletableFuture<Integer> closed() {
        return receiver.closed;
    }

    void send(String xml) {
        ws.sendText(xml, true).join();
    }

    /** The next message as text, or null after {@code wait}. */
    String nextText(Duration wait) throws InterruptedException {
        return receiver.inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    Element next() throws Exception {
        String text = nextText(WAIT);
        if (text == null) {
            fail("nothing received within " + WAIT + (closed().isDone() ? " (closed)" : ""));
        }
        return DocumentHelper.parseText(text).getRootElement();
    }

    /** The next element matching {@code p}, skipping others. */
    Element next(Predicate<Element> p) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Element e = next();
            if (p.test(e)) {
                return e;
            }
        }
        fail("no matching element within " + WAIT);
        return null;
    }

    Element expect(String name, String ns) throws Exception {
        Element e = next();
        assertEquals(name, e.getName(), e.asXML());
        assertEquals(ns, e.getNamespaceURI(), e.asXML());
        return e;
    }

    void open() {
        send("<open xmlns='" + FRAMING + "' to='" + DOMAIN + "' version='1.0'/>");
    }

    /** Open, features, SASL PLAIN, open again, bind; returns the bound JID. */
    String login(String user, String password, String resource) throws Exception {
        open();
        Element open = expect("open", FRAMING);
        assertEquals(DOMAIN, open.attributeValue("from"));
        assertEquals("1.0", open.attributeValue("version"));
        assertNotNull(open.attributeValue("id"));
        Element features = expect("features", STREAMS);
        if (!features.asXML().contains(">PLAIN<")) {
            fail("PLAIN not offered: " + features.asXML());
        }
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>");
        expect("success", "urn:ietf:params:xml:ns:xmpp-sasl");
        open();
        expect("open", FRAMING);
        Element bindFeatures = expect("features", STREAMS);
        assertNotNull(bindFeatures.element(org.dom4j.QName.get("bind", "urn:ietf:params:xml:ns:xmpp-bind")),
                bindFeatures.asXML());
        send("<iq xmlns='jabber:client' type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<resource>" + resource + "</resource></bind></iq>");
        Element result = expect("iq", "jabber:client");
        assertEquals("result", result.attributeValue("type"), result.asXML());
        jid = result.element("bind").elementText("jid");
        return jid;
    }

    /** Expects a stream error with {@code condition}, then {@code <close/>}, then the WebSocket closing. */
    void expectStreamError(String condition) throws Exception {
        Element error = next(e -> !"open".equals(e.getName()) && !"features".equals(e.getName()));
        assertEquals("error", error.getName(), error.asXML());
        assertEquals(STREAMS, error.getNamespaceURI(), error.asXML());
        assertNotNull(error.element(org.dom4j.QName.get(condition, STREAM_ERRORS)), error.asXML());
        expect("close", FRAMING);
        closed().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }
}
