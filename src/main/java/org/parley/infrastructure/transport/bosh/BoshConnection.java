package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;
import org.parley.xmpp.core.C2SStream;
import org.parley.xmpp.core.Connection;
import org.parley.xmpp.core.Stanzas;

/**
 * The stream's side of a BOSH session: what {@link C2SStream} writes is queued for the next response body; a
 * stream error or close becomes a terminal body. Like a TCP connection, only without a socket.
 */
final class BoshConnection implements Connection {
    private final BoshSession session;
    private final boolean secure;
    private final String remoteAddress;

    BoshConnection(BoshSession session, boolean secure, String remoteAddress) {
        this.session = session;
        this.secure = secure;
        this.remoteAddress = remoteAddress;
    }

    /** Nothing to write: the stream id and domain go on the session creation response. */
    @Override
    public void openStream(String streamId, String from, String lang) {
        session.streamOpened(streamId);
    }

    @Override
    public void send(Element element) {
        session.output(Stanzas.toXml(element));
    }

    @Override
    public void sendRaw(String xml) {
        session.output(xml);
    }

    /** XEP-0206 §5: a terminal body with condition remote-stream-error carries the stream error. */
    @Override
    public void streamError(String condition, String text) {
        session.streamEnded("remote-stream-error", ResponseBodies.streamError(condition, text));
    }

    /** A terminal body without condition: the answer to the client's terminate request (§13). */
    @Override
    public void closeStream() {
        session.streamEnded(null, null);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    /** TLS belongs to HTTP (XEP-0206 §3). */
    @Override
    public boolean tlsAvailable() {
        return false;
    }

    @Override
    public void startTls(Element proceed) {
        closeStream();
    }

    /** {@code success} goes out; the client's restart request (xmpp:restart) then opens the next stream. */
    @Override
    public void restartStream(Element success) {
        send(success);
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String transport() {
        return "bosh";
    }
}
