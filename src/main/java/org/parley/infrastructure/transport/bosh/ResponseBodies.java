package org.parley.infrastructure.transport.bosh;

import org.parley.xmpp.stream.XmlWriter;

import java.util.List;

/** The {@code <body/>} wrappers the connection manager sends (XEP-0124, XEP-0206). */
final class ResponseBodies {
    static final String STREAM_NS = "http://etherx.jabber.org/streams";
    static final String STREAMS_ERROR_NS = "urn:ietf:params:xml:ns:xmpp-streams";
    static final String EMPTY = "<body xmlns='" + BodyParser.HTTPBIND_NS + "'/>";
    /** Recoverable binding error (§17.3): the client resends the requests that have no response yet. */
    static final String RECOVERABLE = "<body type='error' xmlns='" + BodyParser.HTTPBIND_NS + "'/>";

    private ResponseBodies() {
    }

    /** A wrapper with the given attributes (already serialised, each starting with a space) and payloads. */
    static String body(CharSequence attributes, List<String> payloads) {
        if (attributes.length() == 0 && payloads.isEmpty()) {
            return EMPTY;
        }
        StringBuilder sb = new StringBuilder(64 + attributes.length() + payloads.size() * 256);
        sb.append("<body xmlns='").append(BodyParser.HTTPBIND_NS).append('\'').append(attributes);
        if (payloads.isEmpty()) {
            return sb.append("/>").toString();
        }
        sb.append(" xmlns:stream='").append(STREAM_NS).append("'>");
        for (String p : payloads) {
            sb.append(p);
        }
        return sb.append("</body>").toString();
    }

    /** A terminal body (§17.2); {@code condition} null for a normal end (the client's terminate, §13). */
    static String terminate(String condition, List<String> payloads) {
        StringBuilder attrs = new StringBuilder(" type='terminate'");
        if (condition != null) {
            attrs.append(" condition='").append(condition).append('\'');
        }
        return body(attrs, payloads);
    }

    /** §17.2 see-other-uri: the client is to POST to {@code uri} instead. */
    static String seeOtherUri(String uri) {
        StringBuilder sb = new StringBuilder(80 + uri.length()).append("<uri>");
        XmlWriter.escapeText(uri, sb);
        return body(" type='terminate' condition='see-other-uri'", List.of(sb.append("</uri>").toString()));
    }

    /** The XMPP stream error carried by a remote-stream-error terminal body (XEP-0206 §5). */
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

    /** The attributes of the session creation response (XEP-0124 §7.2, XEP-0206 §4). */
    static CharSequence creationAttributes(String sid, Negotiated params, String from, String streamId) {
        StringBuilder sb = new StringBuilder(400);
        attribute(sb, "sid", sid);
        attribute(sb, "wait", params.waitSeconds());
        attribute(sb, "requests", params.requests());
        attribute(sb, "hold", params.hold());
        attribute(sb, "inactivity", params.inactivity());
        if (params.polling() > 0) { // enforced for polling sessions only (§10)
            attribute(sb, "polling", params.polling());
        }
        if (params.maxPause() > 0) {
            attribute(sb, "maxpause", params.maxPause());
        }
        attribute(sb, "ver", params.ver());
        attribute(sb, "from", from);
        if (streamId != null) {
            attribute(sb, "authid", streamId);
        }
        return sb.append(" xmpp:version='1.0' xmpp:restartlogic='true' xmlns:xmpp='").append(BoshRequest.XBOSH_NS)
                .append('\'');
    }

    /** Appends {@code name="value"} (escaped), preceded by a space. */
    static void attribute(StringBuilder sb, String name, Object value) {
        sb.append(' ').append(name).append("=\"");
        XmlWriter.escapeAttribute(String.valueOf(value), sb);
        sb.append('"');
    }

    /** HTTP status of a binding error for legacy clients (§17.1); 200 for everything else. */
    static int legacyStatus(String condition) {
        if (condition == null) {
            return 200;
        }
        return switch (condition) {
            case "bad-request" -> 400;
            case "policy-violation" -> 403;
            case "item-not-found" -> 404;
            default -> 200;
        };
    }
}
