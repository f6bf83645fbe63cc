package org.parley.xmpp.core;

import org.dom4j.Element;

/**
 * A transport's side of an XMPP stream: it only frames bytes. TCP, BOSH and WebSocket implement it;
 * {@link C2SStream} drives it and knows nothing of how bytes travel.
 */
public interface Connection {

    /** Writes the stream header (TCP: stream:stream, WebSocket: open, BOSH: nothing). */
    void openStream(String streamId, String from, String lang);

    /** Writes one top-level element: a stanza or a stream-level element (features, SASL, TLS). */
    void send(Element element);

    /** Writes a serialised stanza (routing already serialised it once for all receivers). */
    void sendRaw(String xml);

    /** Writes a stream error, closes the stream and the transport. */
    void streamError(String condition, String text);

    /** Writes the stream close and closes the transport once the peer closed or a short grace passed. */
    void closeStream();

    boolean isSecure();

    /** Whether STARTTLS can be offered now. */
    boolean tlsAvailable();

    /** Writes {@code proceed} in the clear, then continues with TLS and a fresh stream. */
    void startTls(Element proceed);

    /** The next bytes start a new stream (after SASL success); then writes {@code element}. */
    void restartStream(Element success);

    String remoteAddress();

    String transport();
}
