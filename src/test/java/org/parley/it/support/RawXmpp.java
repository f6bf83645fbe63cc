package org.parley.it.support;

import org.dom4j.Element;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A raw c2s connection over a plain {@link Socket}: writes exactly the bytes a test gives it and reads
 * what the server answers, so tests can send what no client library would.
 */
public final class RawXmpp implements Closeable {
    public static final String STREAM_NS = "http://etherx.jabber.org/streams";
    public static final String STREAMS_ERROR_NS = "urn:ietf:params:xml:ns:xmpp-streams";
    public static final String STANZA_ERROR_NS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean eof;

    private RawXmpp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        socket.setSoTimeout(100);
    }

    /** Plain TCP to the STARTTLS port. */
    public static RawXmpp connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(ItConfig.host(), ItConfig.c2sPort()), 5000);
        return new RawXmpp(s);
    }

    /** Plain TCP to the STARTTLS port from a given local address (e.g. 127.0.0.2: another client address). */
    public static RawXmpp connectFrom(String localAddress) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(localAddress, 0));
        s.connect(new InetSocketAddress(ItConfig.host(), ItConfig.c2sPort()), 5000);
        return new RawXmpp(s);
    }

    /** Direct TLS (XEP-0368) to the TLS port, trusting only the server's pinned certificate. */
    public static RawXmpp connectDirectTls() throws IOException {
        SSLSocket s = (SSLSocket) ServerTrust.sslContext().getSocketFactory().createSocket();
        s.connect(new InetSocketAddress(ItConfig.host(), ItConfig.c2sTlsPort()), 5000);
        s.setSoTimeout(5000);
        s.startHandshake();
        return new RawXmpp(s);
    }

    /**
     * After {@code <proceed/>}: the TLS handshake on this connection's socket (trusting only the server's pinned
     * certificate); the returned connection speaks over TLS and starts with nothing received.
     */
    public RawXmpp startTls() throws IOException {
        SSLSocket s = (SSLSocket) ServerTrust.sslContext().getSocketFactory()
                .createSocket(socket, ItConfig.host(), socket.getPort(), true);
        s.setSoTimeout(5000);
        s.startHandshake();
        return new RawXmpp(s);
    }

    /** A correct client stream header to {@code to}. */
    public static String header(String to) {
        return "<?xml version='1.0'?><stream:stream to='" + to + "' version='1.0' xml:lang='en'"
                + " xmlns='jabber:client' xmlns:stream='" + STREAM_NS + "'>";
    }

    public Socket socket() {
        return socket;
    }

    public RawXmpp send(String xml) throws IOException {
        return send(xml.getBytes(StandardCharsets.UTF_8));
    }

    public RawXmpp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Everything received so far, decoded. */
    public String received() {
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was received so far (e.g. the old stream before a restart). */
    public void clearReceived() {
        received.reset();
    }

    /** True once the server closed the TCP connection. */
    public boolean isClosedByServer() {
        return eof;
    }

    /** Reads until {@code condition} holds on the received text, the server closes, or the timeout passes. */
    public boolean readUntil(Predicate<String> condition, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        while (!condition.test(received())) {
            if (eof || System.nanoTime() > deadline) {
                return condition.test(received());
            }
            try {
                int n = in.read(buf);
                if (n < 0) {
                    eof = true;
                } else {
                    received.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // poll again
            } catch (IOException e) {
                // a reset after the server's close counts as the end of the stream
                eof = true;
            }
        }
        return true;
    }

    /** Reads until the server closes the connection (or the timeout passes); true if it closed. */
    public boolean readToEnd(Duration timeout) throws IOException {
        readUntil(s -> false, timeout);
        return eof;
    }

    /** The top-level elements (children of the stream root) received so far. */
    public List<Element> elements() {
        return StreamParse.parse(received()).elements();
    }

    /** Waits for a top-level element matching {@code match}. */
    public Optional<Element> await(Predicate<Element> match, Duration timeout) throws IOException {
        readUntil(s -> StreamParse.parse(s).elements().stream().anyMatch(match), timeout);
        return elements().stream().filter(match).findFirst();
    }

    /** Waits for the server's stream features (the last ones received). */
    public Element awaitFeatures(Duration timeout) throws IOException {
        int before = (int) elements().stream().filter(RawXmpp::isFeatures).count();
        readUntil(s -> StreamParse.parse(s).elements().stream().filter(RawXmpp::isFeatures).count() > before,
                timeout);
        List<Element> features = elements().stream().filter(RawXmpp::isFeatures).toList();
        if (features.size() <= before) {
            throw new AssertionError("no stream features within " + timeout + "; received: " + received());
        }
        return features.get(features.size() - 1);
    }

    private static boolean isFeatures(Element e) {
        return "features".equals(e.getName()) && STREAM_NS.equals(e.getNamespaceURI());
    }

    /** Reads to the end of the stream and returns the stream error condition the server sent, if any. */
    public StreamParse.Result awaitStreamError(Duration timeout) throws IOException {
        readUntil(s -> StreamParse.parse(s).rootClosed(), timeout);
        // give the server the moment it needs to close the TCP connection too
        readUntil(s -> false, Duration.ofMillis(eof ? 0 : 500));
        return StreamParse.parse(received());
    }

    /**
     * Opens a stream and logs in with SASL PLAIN over the unencrypted connection (the test server allows it),
     * restarts the stream and binds {@code resource}; returns the bound full JID.
     */
    public String loginPlain(String username, String password, String resource) throws IOException {
        return loginPlain(ItConfig.domain(), username, password, resource);
    }

    /** The same for an account of another served domain. */
    public String loginPlain(String domain, String username, String password, String resource) throws IOException {
        Duration t = Duration.ofMillis(ItConfig.timeoutMillis());
        send(header(domain));
        awaitFeatures(t);
        String token = Base64.getEncoder().encodeToString(("\0" + username + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + token + "</auth>");
        await(e -> "success".equals(e.getName()) || "failure".equals(e.getName()), t)
                .filter(e -> "success".equals(e.getName()))
                .orElseThrow(() -> new AssertionError("SASL PLAIN failed: " + received()));
        // RFC 6120 §6.4.6: the stream restarts; a new header and new features follow
        received.reset();
        send(header(domain));
        awaitFeatures(t);
        send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                + "</resource></bind></iq>");
        Element result = await(e -> "iq".equals(e.getName()) && "bind1".equals(e.attributeValue("id")), t)
                .orElseThrow(() -> new AssertionError("no bind result: " + received()));
        if (!"result".equals(result.attributeValue("type"))) {
            throw new AssertionError("bind failed: " + result.asXML());
        }
        return result.element("bind").elementTextTrim("jid");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
