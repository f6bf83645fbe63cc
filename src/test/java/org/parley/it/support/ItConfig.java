package org.parley.it.support;

/**
 * Where the server under test listens and how to reach its admin: read from the system properties the build
 * passes to failsafe, with the defaults of the test profile, so the ITs run against any started server.
 */
public final class ItConfig {

    private ItConfig() {
    }

    /** The XMPP domain every test account lives in. */
    public static String domain() {
        String domains = prop("parley.domains", "localhost");
        return prop("parley.domain", domains.split(",")[0].trim());
    }

    /** The address the listeners bind to (never DNS: the domain is not resolvable). */
    public static String host() {
        String bind = prop("parley.bind.address", "127.0.0.1");
        return prop("parley.host", "0.0.0.0".equals(bind) ? "127.0.0.1" : bind);
    }

    /** c2s with STARTTLS (RFC 6120 §5). */
    public static int c2sPort() {
        return intProp("parley.c2s.port", 15222);
    }

    /** c2s with direct TLS (XEP-0368). */
    public static int c2sTlsPort() {
        return intProp("parley.c2s.tls.port", 15223);
    }

    public static int httpPort() {
        return intProp("parley.http.port", 18080);
    }

    /** WildFly's HTTPS listener (its own generated certificate, not the XMPP one). */
    public static int httpsPort() {
        return intProp("parley.https.port", 18443);
    }

    /** WildFly's management interface (for the restart test). */
    public static int mgmtPort() {
        return intProp("parley.mgmt.port", 19990);
    }

    /** WildFly installation the build started, or null when unknown. */
    public static String jbossHome() {
        return prop("parley.jboss.home", null);
    }

    public static String adminJid() {
        return prop("parley.admin.jid", "admin@" + domain());
    }

    public static String adminUsername() {
        String jid = adminJid();
        int at = jid.indexOf('@');
        return at < 0 ? jid : jid.substring(0, at);
    }

    public static String adminPassword() {
        return prop("parley.admin.password", "parley-it-admin");
    }

    /** The server's stanza size limit (RFC 6120 §13.12: policy-violation beyond it). */
    public static int stanzaMaxBytes() {
        return intProp("parley.stanza.max.bytes", 262144);
    }

    /** How long a test waits for a reply or an event it expects. */
    public static long timeoutMillis() {
        return intProp("parley.it.timeout.ms", 10_000);
    }

    static String prop(String key, String dflt) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    static int intProp(String key, int dflt) {
        return Integer.parseInt(prop(key, Integer.toString(dflt)));
    }
}
