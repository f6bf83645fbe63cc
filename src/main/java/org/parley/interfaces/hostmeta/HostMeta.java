package org.parley.interfaces.hostmeta;

import org.parley.xmpp.stream.XmlWriter;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * XEP-0156 connection discovery: the web host metadata (RFC 6415) listing the BOSH and WebSocket URLs of
 * this server, as XRD or JRD. The URLs are built from a base URL such as {@code https://chat.example.org}
 * (the configured public URL, or the scheme and Host header of the request).
 */
final class HostMeta {
    static final String WEBSOCKET_REL = "urn:xmpp:alt-connections:websocket";
    static final String BOSH_REL = "urn:xmpp:alt-connections:xbosh";
    static final String WEBSOCKET_PATH = "/xmpp-websocket";
    static final String BOSH_PATH = "/http-bind";
    /** Host header values used to build URLs: host name, IPv4, [IPv6], optional port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

    private final String websocketUrl;
    private final String boshUrl;

    private HostMeta(String websocketUrl, String boshUrl) {
        this.websocketUrl = websocketUrl;
        this.boshUrl = boshUrl;
    }

    /** From a public base URL ({@code http(s)://host[:port][/prefix]}). */
    static HostMeta forBase(String baseUrl) {
        URI base = URI.create(baseUrl.trim());
        String scheme = base.getScheme() == null ? "http" : base.getScheme().toLowerCase(Locale.ROOT);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String authority = base.getRawAuthority();
        boolean tls = scheme.equals("https") || scheme.equals("wss");
        return new HostMeta((tls ? "wss" : "ws") + "://" + authority + path + WEBSOCKET_PATH,
                (tls ? "https" : "http") + "://" + authority + path + BOSH_PATH);
    }

    /** From the request: its scheme and Host header, or {@code fallbackHost} when the header is missing or odd. */
    static HostMeta forRequest(boolean secure, String hostHeader, String fallbackHost) {
        String host = hostHeader != null && HOST.matcher(hostHeader.trim()).matches() ? hostHeader.trim() : fallbackHost;
        return forBase((secure ? "https" : "http") + "://" + host);
    }

    String websocketUrl() {
        return websocketUrl;
    }

    String boshUrl() {
        return boshUrl;
    }

    /** XRD (RFC 6415 §3). */
    String xrd() {
        StringBuilder sb = new StringBuilder(300);
        sb.append("<?xml version='1.0' encoding='utf-8'?>\n")
                .append("<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>\n");
        link(sb, BOSH_REL, boshUrl);
        link(sb, WEBSOCKET_REL, websocketUrl);
        return sb.append("</XRD>\n").toString();
    }

    private static void link(StringBuilder sb, String rel, String href) {
        sb.append("  <Link rel=\"").append(rel).append("\" href=\"");
        XmlWriter.escapeAttribute(href, sb);
        sb.append("\"/>\n");
    }

    /** JRD (RFC 6415 Appendix A). */
    String jrd() {
        return "{\"links\":[{\"rel\":\"" + BOSH_REL + "\",\"href\":\"" + json(boshUrl) + "\"},"
                + "{\"rel\":\"" + WEBSOCKET_REL + "\",\"href\":\"" + json(websocketUrl) + "\"}]}";
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
