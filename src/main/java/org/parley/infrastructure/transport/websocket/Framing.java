package org.parley.infrastructure.transport.websocket;

import org.parley.xmpp.stream.XmlWriter;

/** The RFC 7395 framing messages the server writes: open, close and stream errors. */
final class Framing {
    private static final String STREAM_NS = "http://etherx.jabber.org/streams";
    private static final String STREAMS_ERROR_NS = "urn:ietf:params:xml:ns:xmpp-streams";
    private static final String CLOSE = "<close xmlns='" + WebSocketConnection.FRAMING_NS + "'/>";

    private Framing() {
    }

    /** The server's answer to the client's {@code <open/>} (RFC 7395 §3.4). */
    static String open(String streamId, String from, String lang) {
        StringBuilder sb = new StringBuilder(200);
        sb.append("<open xmlns='").append(WebSocketConnection.FRAMING_NS).append("' id=\"");
        XmlWriter.escapeAttribute(streamId, sb);
        sb.append("\" from=\"");
        XmlWriter.escapeAttribute(from, sb);
        sb.append("\" version='1.0' xml:lang=\"");
        XmlWriter.escapeAttribute(lang == null ? "en" : lang, sb);
        return sb.append("\"/>").toString();
    }

    static String close() {
        return CLOSE;
    }

    /** RFC 7395 §3.6.1: the client is to reconnect at {@code uri}. */
    static String seeOtherUri(String uri) {
        StringBuilder sb = new StringBuilder(120);
        sb.append("<close xmlns='").append(WebSocketConnection.FRAMING_NS).append("' see-other-uri=\"");
        XmlWriter.escapeAttribute(uri, sb);
        return sb.append("\"/>").toString();
    }

    /** A stream error as its own message, with the stream prefix declared on it (RFC 7395 §3.6.3). */
    static String streamError(String condition, String text) {
        StringBuilder sb = new StringBuilder(200);
        sb.append("<stream:error xmlns:stream='").append(STREAM_NS).append("'><").append(condition)
                .append(" xmlns='").append(STREAMS_ERROR_NS).append("'/>");
        if (text != null && !text.isBlank()) {
            sb.append("<text xmlns='").append(STREAMS_ERROR_NS).append("'>");
            XmlWriter.escapeText(text, sb);
            sb.append("</text>");
        }
        return sb.append("</stream:error>").toString();
    }
}
