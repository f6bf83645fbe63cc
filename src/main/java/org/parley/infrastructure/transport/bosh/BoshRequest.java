package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;
import org.parley.xmpp.stream.RootElement;

import java.util.List;
import java.util.Map;

/** One parsed request: the attributes of its {@code <body/>} wrapper and the elements it carries. */
record BoshRequest(RootElement root, List<Element> payloads) {
    static final String XBOSH_NS = "urn:xmpp:xbosh";

    BoshRequest {
        payloads = List.copyOf(payloads);
    }

    String attribute(String name) {
        String v = root.attribute(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String sid() {
        return attribute("sid");
    }

    /** The request id, or null if missing or not a non-negative integer below 2^53. */
    Long rid() {
        Long rid = number(attribute("rid"));
        return rid != null && rid < (1L << 53) ? rid : null;
    }

    String to() {
        return attribute("to");
    }

    String lang() {
        return attribute("xml:lang");
    }

    boolean isTerminate() {
        return "terminate".equals(attribute("type"));
    }

    /** Requested pause in seconds, or null. */
    Integer pause() {
        Long p = number(attribute("pause"));
        return p == null ? null : (int) Math.min(p, Integer.MAX_VALUE);
    }

    /** XEP-0206 restart request: {@code xmpp:restart='true'} (any prefix bound to urn:xmpp:xbosh). */
    boolean isRestart() {
        String v = xbosh("restart");
        return "true".equals(v) || "1".equals(v);
    }

    /** The XMPP version of the stream ({@code xmpp:version}), or null. */
    String xmppVersion() {
        return xbosh("version");
    }

    /** The version a stream opens with: XEP-0206 clients SHOULD send it; older ones speak 1.0 all the same. */
    String streamVersion() {
        String v = xmppVersion();
        return v == null ? "1.0" : v;
    }

    /** A request that only collects what the server has: no payload, restart, terminate or pause. */
    boolean isEmptyPoll() {
        return payloads.isEmpty() && !isRestart() && !isTerminate() && pause() == null;
    }

    /** An attribute in the urn:xmpp:xbosh namespace, whatever prefix the client bound to it. */
    String xbosh(String localName) {
        for (Map.Entry<String, String> ns : root.namespaces().entrySet()) {
            if (XBOSH_NS.equals(ns.getValue()) && !ns.getKey().isEmpty()) {
                String v = attribute(ns.getKey() + ':' + localName);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** A non-negative integer attribute value, or null. */
    static Long number(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }
}
